"""Shared fixtures: the real pipeline (loaded once), the seed article, and paths to shared gold data."""

from __future__ import annotations

from pathlib import Path

import pytest

from presslens.paths import MEANTIME_DIR as MEANTIME, ROOT, SEEDS_DIR, SHARED_DATA  # noqa: F401

SEED = SEEDS_DIR / "000_9ee82df7129644d2.txt"

# Tiers by folder (README, "Tests"): unit (no model), model, gates (gold floors), app (AppTest), e2e (browser).
MODEL_TIERS = {"model", "gates", "app"}


TIERS = {"unit", *MODEL_TIERS, "e2e"}


def pytest_collection_modifyitems(items):
    """`-m model` / `-m "not model"` follow the folders: every test of a model tier loads the pipeline."""
    for item in items:
        parts = Path(str(item.path)).relative_to(Path(__file__).parent).parts
        if len(parts) < 2 or parts[0] not in TIERS:
            raise pytest.UsageError(f"tests/{'/'.join(parts)}: a test file belongs in a tier folder, "
                                    f"one of tests/{{{','.join(sorted(TIERS))}}}/ (README, Tests)")
        if parts[0] in MODEL_TIERS:
            item.add_marker(pytest.mark.model)


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
