"""The corpus-timeline check on the SemEval-2015 TimeLine trial data: the gold reader and the scorer."""

from __future__ import annotations

import pytest

from evaluation.timeline import TRIAL, read_gold, score, split_targets


def test_reads_a_gold_timeline():
    path = TRIAL / "gold" / "steve_jobs.txt"
    if not path.is_file():
        pytest.skip(f"TimeLine trial data not found at {TRIAL}")
    target, events = read_gold(path)
    assert target == "Steve Jobs"
    # "8	2004	17677-5-fought	18315-7-fighting	18355-4-fighting": three reports of one event
    assert [e for e in events if e[0] == 8] == [
        (8, "2004", ("17677", 5, "fought")), (8, "2004", ("18315", 7, "fighting")), (8, "2004", ("18355", 4, "fighting"))]


def test_score_by_hand():
    gold = [(1, "2005", ("1", 0, "born")), (2, "2006", ("1", 2, "founded")), (3, "XXXX-XX-XX", ("2", 1, "said"))]
    ours = [(("1", 2, "founded"), "2006-01-01"), (("1", 0, "born"), "2005-03-01"), (("3", 0, "won"), "2007-01-01")]
    s = score(gold, ours, {"1": "2010-01-01", "2": "2011-01-01"})
    assert (s["matched"], s["gold"], s["ours"]) == (2, 3, 3)
    assert s["p"] == pytest.approx(2 / 3) and s["r"] == pytest.approx(2 / 3)
    # one orderable pair (born < founded); ours right, publication dates tie (one article) so baseline wrong
    assert (s["pairs"], s["ours_order"], s["base_order"]) == (1, 1, 0)


def test_targets_split_in_fixed_halves(tmp_path):
    files = [tmp_path / f"{n}.txt" for n in ("b", "a", "d", "c")]
    assert [p.stem for p in split_targets(files, "dev")] == ["a", "c"]
    assert [p.stem for p in split_targets(files, "test")] == ["b", "d"]
