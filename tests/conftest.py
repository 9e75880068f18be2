"""Shared fixtures: the real pipeline (loaded once), the seed article, and paths to shared gold data."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_9ee82df7129644d2.txt"
SHARED_DATA = ROOT.parent / "shared" / "data"
MEANTIME = SHARED_DATA / "wikinews-apple" / "meantime"


@pytest.fixture(scope="session")
def nlp():
    from presslens.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_article():
    from presslens.ingest import read_article

    return read_article(SEED)


@pytest.fixture(scope="session")
def seed_analysis(seed_article, nlp):
    from presslens.analysis import analyze

    return analyze(seed_article, nlp=nlp)


@pytest.fixture
def write_file(tmp_path):
    """A factory: write_file("a.txt", b"...") -> the path, bytes or str."""

    def write(name: str, content: bytes | str) -> Path:
        path = tmp_path / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    return write
