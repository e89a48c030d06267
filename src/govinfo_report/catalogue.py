"""The field catalogue: every stable key of each template, in template order.

Built once from ``labels`` at import. A report's values live in one flat vector indexed by
``Template.index``; tables are slices of it (``Template.sections``).
"""

from __future__ import annotations

from typing import Literal

import attrs

from . import labels

Kind = Literal["count", "signed", "money"]
SECTIONS: tuple[str, ...] = ("proactive", "applications", "appeals")
SECTION_NUMBERS: dict[str, int] = {"proactive": 2, "applications": 3, "appeals": 4}


@attrs.frozen
class Field:
    """One cell of a template table.

    Attributes:
        key: the stable export key, e.g. ``applications.granted.total``.
        section: ``proactive`` (二), ``applications`` (三) or ``appeals`` (四).
        row, column: the row and column keys inside the section.
        kind: ``count`` (non-negative integer), ``signed`` (integer) or ``money`` (万元).
        row_label, column_label: the official Chinese labels.
    """

    key: str
    section: str
    row: str
    column: str
    kind: Kind
    row_label: str
    column_label: str


@attrs.frozen
class Template:
    """A template version: its fields in order and where each section's fields lie."""

    name: str
    fields: tuple[Field, ...]
    index: dict[str, int] = attrs.field(eq=False, repr=False)
    sections: dict[str, range] = attrs.field(eq=False, repr=False)
    #: ``(section, row)`` -> the row's cells in column order (a section 四 group is a row).
    rows: dict[tuple[str, str], tuple[int, ...]] = attrs.field(eq=False, repr=False)
    #: The cells of kind ``count``.
    counts: frozenset[int] = attrs.field(eq=False, repr=False)
    #: Each section's keys, in catalogue order, and each key's position among them: shared
    #: by every table of the section.
    keys_by_section: dict[str, tuple[str, ...]] = attrs.field(eq=False, repr=False)
    index_by_section: dict[str, dict[str, int]] = attrs.field(eq=False, repr=False)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields)

    def section_keys(self, section: str) -> tuple[str, ...]:
        """The keys of ``section``'s cells, in catalogue order."""
        return self.keys_by_section[section]


def _kind(column: str) -> Kind:
    if column in labels.MONEY_COLUMNS:
        return "money"
    return "signed" if column in labels.SIGNED_COLUMNS else "count"


def _build(name: str) -> Template:
    fields: list[Field] = []
    for row, columns in labels.PROACTIVE_SHAPE[name].items():
        row_label = labels.PROACTIVE_ROWS[name][row][0]
        for column in columns:
            column_label = labels.PROACTIVE_COLUMNS[name][column][0]
            fields.append(
                Field(
                    f"proactive.{row}.{column}",
                    "proactive",
                    row,
                    column,
                    _kind(column),
                    row_label,
                    column_label,
                )
            )
    for row, row_labels in labels.APPLICATION_ROWS[name].items():
        for column, column_labels in labels.APPLICANT_COLUMNS.items():
            fields.append(
                Field(
                    f"applications.{row}.{column}",
                    "applications",
                    row,
                    column,
                    "count",
                    row_labels[0],
                    column_labels[0],
                )
            )
    for group, group_labels in labels.APPEAL_GROUPS.items():
        for outcome, outcome_labels in labels.APPEAL_OUTCOMES.items():
            fields.append(
                Field(
                    f"appeals.{group}.{outcome}",
                    "appeals",
                    group,
                    outcome,
                    "count",
                    group_labels[0],
                    outcome_labels[0],
                )
            )
    sections: dict[str, range] = {}
    for section in SECTIONS:
        positions = [i for i, f in enumerate(fields) if f.section == section]
        sections[section] = range(positions[0], positions[-1] + 1)
    index = {f.key: i for i, f in enumerate(fields)}
    rows: dict[tuple[str, str], tuple[int, ...]] = {}
    for i, f in enumerate(fields):
        rows[f.section, f.row] = (*rows.get((f.section, f.row), ()), i)
    counts = frozenset(i for i, f in enumerate(fields) if f.kind == "count")
    keys = {section: tuple(fields[i].key for i in cells) for section, cells in sections.items()}
    at_key = {
        section: {key: at for at, key in enumerate(section_keys)}
        for section, section_keys in keys.items()
    }
    return Template(name, tuple(fields), index, sections, rows, counts, keys, at_key)


TEMPLATES: dict[str, Template] = {name: _build(name) for name in ("2019", "2021")}


def fields(template: str = "2019") -> tuple[Field, ...]:
    """The catalogue of ``template`` (``"2019"`` or ``"2021"``), in template order."""
    return TEMPLATES[template].fields
