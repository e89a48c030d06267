"""Shared fixtures: the five real seed reports and their hand-typed expectations."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

HERE = Path(__file__).parent
SEEDS = sorted((HERE / "fixtures" / "seeds").glob("*.txt"))
EXPECTED = HERE / "expected"


def expected(seed: Path) -> dict:
    """The expectations typed by hand for ``seed`` (see tests/expected/README.md)."""
    with open(EXPECTED / f"{seed.stem}.toml", "rb") as handle:
        return tomllib.load(handle)


@pytest.fixture(params=SEEDS, ids=[seed.stem[:3] for seed in SEEDS])
def seed(request: pytest.FixtureRequest) -> Path:
    return request.param
