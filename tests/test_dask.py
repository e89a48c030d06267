"""The Dask recipe of docs/streaming.md, run as the document prints it, on the local
multiprocessing scheduler with two workers, over the seed reports."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import dask
import pytest

from govinfo_report import records

from conftest import SEEDS, expected, expected_cells

DOC = Path(__file__).parent.parent / "docs" / "streaming.md"


def recipe() -> str:
    """The Python block following the ``dask-recipe`` marker."""
    text = DOC.read_text(encoding="utf-8")
    found = re.search(r"<!-- dask-recipe[^>]*-->\n```python\n(.*?)```", text, re.DOTALL)
    assert found is not None
    return found.group(1)


@pytest.mark.slow
def test_the_documented_recipe_runs_on_local_processes(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "2020").mkdir(parents=True)
    for seed in SEEDS:
        (corpus / "2020" / seed.name).write_bytes(seed.read_bytes())
    (corpus / "empty.txt").write_bytes(b"")
    namespace: dict[str, object] = {"__name__": "recipe"}
    exec(compile(recipe(), str(DOC), "exec"), namespace)
    with dask.config.set(scheduler="processes", num_workers=2):
        failed = namespace["parse_corpus"](str(corpus), str(tmp_path / "out"))  # type: ignore[operator]
    assert failed == [(str(corpus / "empty.txt"), "empty-input")]
    lines = [
        line
        for part in sorted((tmp_path / "out").glob("part-*.jsonl"))
        for line in part.read_text(encoding="utf-8").splitlines()
    ]
    assert len(lines) == len(SEEDS)
    by_name = {json.loads(line)["source"]: json.loads(line, parse_float=Decimal) for line in lines}
    for seed in SEEDS:
        record = by_name[str(corpus / "2020" / seed.name)]
        assert record["organisation"] == expected(seed)["metadata"]["organisation"]
        values = records.from_record(record).flat()
        assert values == {key: value for key, (value, _) in expected_cells(expected(seed)).items()}
