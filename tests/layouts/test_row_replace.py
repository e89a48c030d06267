"""``Row._replace`` (``structure/layouts/base``): written for speed, the named tuple's own
contract kept: the fields named take the values given, every other field keeps its own,
the result is a ``Row``, and a name that is no field is refused."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govinfo_report.structure.layouts.base import Grid, Positions, Row

_ROW = Row(
    (("行政许可", 3, 1),),
    (("12", 3, 9), ("0", 3, 13)),
    3,
    grid=Grid((("12", 3, 9),), True),
    page=2,
)
#: A value of each field's kind, to replace it with.
_NEW = {
    "labels": (("行政处罚", 4, 1),),
    "values": (("7", 4, 9),),
    "line": 4,
    "loose": True,
    "traceless": True,
    "runs": Row._field_defaults["runs"],
    "grid": Grid(),
    "positions": Positions(unsure=True),
    "gaps": True,
    "stacked": True,
    "joined": _ROW,
    "page": 5,
    "part": 6,
    "lifted": True,
}


def test_every_field_has_a_value_to_replace_it_with() -> None:
    assert set(_NEW) == set(Row._fields)


@given(st.sets(st.sampled_from(Row._fields)))
def test_the_fields_named_change_and_no_other(names: set[str]) -> None:
    changes = {name: _NEW[name] for name in names}
    replaced = _ROW._replace(**changes)
    assert type(replaced) is Row
    assert replaced == Row(*(changes.get(name, getattr(_ROW, name)) for name in Row._fields))


def test_a_name_that_is_no_field_is_refused() -> None:
    with pytest.raises(ValueError, match="unexpected field names: \\['colour'\\]"):
        _ROW._replace(colour="red")  # type: ignore[call-arg]
