"""The corpus pages' chart builders: plain figures, names kept as text."""

from __future__ import annotations

from components.corpus_charts import articles_over_time, network


def test_network_puts_the_entity_in_the_middle_and_escapes_names():
    fig = network("e1", [("e1", "e2", 3), ("e1", "e3", 1), ("e2", "e3", 1)],
                  {"e1": "Vladimir Putin", "e2": "<b>Donald Trump</b>", "e3": "Helsinki"})
    nodes = fig.data[-1]
    assert (nodes.x[0], nodes.y[0]) == (0.0, 0.0) and list(nodes.customdata) == ["e1", "e2", "e3"]
    assert "&lt;b&gt;Donald Trump&lt;/b&gt;" in nodes.text and "<b>" not in "".join(nodes.text)
    widths = [t.line.width for t in fig.data[:-1]]
    assert widths[0] > widths[1]  # three shared articles draw a thicker line than one


def test_articles_over_time_is_one_bar_per_period():
    fig = articles_over_time([("2018-07", 3), ("2018-08", 1)], period="month")
    assert list(fig.data[0].x) == ["2018-07", "2018-08"] and list(fig.data[0].y) == [3, 1]
