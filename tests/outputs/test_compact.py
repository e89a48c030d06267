"""The compact form workers send back: a round trip gives an equal report, and it holds only
tuples of primitives (no attrs objects)."""

from __future__ import annotations

import pickle
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report.compact import pack, unpack

from conftest import SEEDS, WRITTEN, scaled
from strategies import reports


def _primitives(value: object) -> bool:
    if isinstance(value, tuple):
        return all(_primitives(item) for item in value)
    return value is None or isinstance(value, str | int)


def test_every_seed_round_trips(seed: Path) -> None:
    report = gr.parse(seed)
    packed = pack(report)
    assert _primitives(packed)
    again = unpack(pickle.loads(pickle.dumps(packed)))
    assert again == report
    assert again.diagnostics == report.diagnostics and again.tables == report.tables


def test_money_comes_back_as_the_same_decimal() -> None:
    # seed 004 prints 政府集中采购 4176.9529万元 (line 89)
    again = unpack(pack(gr.parse(SEEDS[4])))
    amount = again.cell("proactive.procurement.amount")
    assert amount.value == Decimal("4176.9529") and isinstance(amount.value, Decimal)
    assert (amount.raw, amount.line) == ("4176.9529万元", 89)
    assert again.cell("proactive.penalties.change").value == 408


def test_written_2021_reports_round_trip() -> None:
    for path in sorted(WRITTEN.glob("2021_*.txt")):
        report = gr.parse(path)
        assert report.template == "2021"
        assert unpack(pack(report)) == report


DIAGNOSTICS = st.lists(
    st.builds(
        gr.Diagnostic,
        code=st.sampled_from(sorted(gr.CODES)),
        severity=st.sampled_from(["error", "warning", "info"]),
        message=st.text(max_size=40),
        line=st.none() | st.integers(1, 10**6),
        column=st.none() | st.integers(1, 500),
        keys=st.lists(
            st.sampled_from([f.key for f in gr.fields("2021")]) | st.text(max_size=8), max_size=4
        ).map(tuple),
    ),
    max_size=5,
).map(tuple)


@scaled(2)
@given(reports(), DIAGNOSTICS, st.none() | st.text(max_size=30))
def test_hypothesis_reports_round_trip(
    report: gr.Report, diagnostics: tuple[gr.Diagnostic, ...], source: str | None
) -> None:
    report = attrs.evolve(report, diagnostics=diagnostics, source=source)
    assert unpack(pickle.loads(pickle.dumps(pack(report)))) == report


def test_a_table_with_foreign_keys_is_refused() -> None:
    report = gr.parse(SEEDS[0])
    table = attrs.evolve(report.appeals, keys=("appeals.other.total",) * len(report.appeals))
    with pytest.raises(ValueError, match="appeals: keys are not the 2019 template"):
        pack(attrs.evolve(report, appeals=table))
