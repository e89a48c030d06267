"""Labels as extraction leaves them are matched to the template, never to a wrong row."""

from __future__ import annotations

import pytest

import govinfo_report as gr
from govinfo_report.diagnostics import MISSING_CAUSES
from govinfo_report.tables.matching import foreign_row, matcher, normalise_label, numbered

from conftest import RENDERINGS


@pytest.mark.parametrize(
    "text, key",
    [
        ("3. 危“三安全— —稳定”", "denied.security_stability"),
        ("5. 属于三类内 部事务", "denied.internal_affairs"),
        ("5、属于第三类内部事务信息", "denied.internal_affairs"),
        ("1、信访举报类申请", "not_processed.petition_complaint"),
        ("（二）部分公开（区分处理的），只计这一情形，不计其他情形", "partially_granted"),
        ("1. 本机关不掌 握相关政府信 息", "unavailable.not_held"),
        ("四、结转下年度继续办理", "carried_forward"),
        ("(七) 总计", "total"),
    ],
)
def test_garbled_row_labels(text: str, key: str) -> None:
    assert matcher("2019", "applications").match(text) == ("row", key)


@pytest.mark.parametrize(
    "text",
    [
        "（三）不予\n以公\n开",
        "三不予公开",
        "五 不",
        "予 处 理",
        "四 无 法 提 供",
        "三、 本 年 办 理 结 果",
    ],
)
def test_group_label_fragments_carry_no_values(text: str) -> None:
    assert matcher("2019", "applications").match(text)[0] == "group"


@pytest.mark.parametrize(
    "text",
    [
        "第二十六条第（六）项",
        "第二十条（一）项",
        "信息内容",
        "采购总金额（单位：万元，保留4位小数）",
        "本年增/减",
    ],
)
def test_table_furniture(text: str) -> None:
    assert matcher("2019", "proactive").match(text) == ("furniture", None)


@pytest.mark.parametrize(
    "template, section, text, key",
    [
        # Characters missing, replaced or added, at most one per four of the label.
        ("2021", "applications", "2.其他法律行政止公开", "denied.prohibited_by_law"),
        ("2021", "applications", "2.其它法律行政法规禁止公开", "denied.prohibited_by_law"),
        ("2019", "applications", "4.保扩第三方合法权益", "denied.third_party_rights"),
        ("2019", "applications", "3.要求提供公开出板物", "not_processed.publication"),
        ("2019", "proactive", "行政许呵", "licensing"),
        ("2019", "proactive", "行政事业收费", "fees"),
    ],
)
def test_labels_with_typos(template: str, section: str, text: str, key: str) -> None:
    assert matcher(template, section).match(text) == ("row", key)


@pytest.mark.parametrize(
    "section, text",
    [
        ("applications", "予分公开"),  # one edit from 予以公开 and from 部分公开
        ("proactive", "行政许制"),  # one edit from 行政许可 and from 行政强制
    ],
)
def test_a_typo_as_near_two_rows_names_neither(section: str, text: str) -> None:
    assert matcher("2019", section).match(text) == ("unknown", None)


def test_unrelated_text_is_unknown() -> None:
    assert matcher("2019", "applications").match("行政检查") == ("unknown", None)


def test_normalise_label() -> None:
    assert normalise_label("(二) 部分公开(区分处理的,只计这一情形)") == "部分公开"
    assert normalise_label("商业\n企业") == "商业企业"


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("三、本年度办理结果（一）予以公开", ("row", "granted")),
        ("（三）不予公开 1.属于国家秘密", ("row", "denied.state_secret")),
        ("（三）不予公开1.本机关不掌握相关政府信息", ("group", "denied")),  # not a row of 不予公开
    ],
)
def test_a_row_label_merged_with_its_group(text: str, match: tuple[str, str]) -> None:
    assert matcher("2021", "applications").match(text) == match


@pytest.mark.parametrize(
    ("section", "text", "whole", "key"),
    [
        ("applications", "总", "（七）总计", "total"),
        ("applications", "计", "（七）总计", "total"),
        ("proactive", "规", "规章", "rules"),
        ("proactive", "章", "规章", "rules"),
    ],
)
def test_one_character_names_no_row(section: str, text: str, whole: str, key: str) -> None:
    """A header split a character a line (pdftotext: ``总`` / ``计``) is similar enough to a
    two-character label to pass the fuzzy threshold; it must not name that row."""
    assert matcher("2019", section).match(text) == ("unknown", None)
    assert matcher("2019", section).match(whole) == ("row", key)


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("总计", ("furniture", None)),  # bare: section 三's last column
        ("（七）总计", ("row", "total")),
        ("七、总计", ("row", "total")),
        ("其他", ("furniture", None)),  # bare: the column of other organisations
        ("3.其他", ("row", "other.other")),
        ("3、其他", ("row", "other.other")),
    ],
)
def test_a_label_that_is_also_a_column_header_names_its_row_only_numbered(
    text: str, match: tuple[str, str | None]
) -> None:
    assert matcher("2021", "applications").match(text) == match


@pytest.mark.parametrize(
    ("text", "match"),
    [
        # A label cut short names the one row it begins, not a row it resembles (其他).
        ("2.其他法", ("row", "denied.prohibited_by_law")),
        ("1.属于国", ("row", "denied.state_secret")),
        # The first characters of both 其他处理 sub-rows: neither is guessed.
        ("1.申请人", ("unknown", None)),
        ("申请人", ("unknown", None)),
        ("申请人逾期", ("row", "other.unpaid_fee")),  # where the two heads part
        ("属于", ("unknown", None)),  # begins five rows
    ],
)
def test_a_label_cut_short_names_the_row_it_begins_only_if_one(
    text: str, match: tuple[str, str | None]
) -> None:
    assert matcher("2021", "applications").match(text) == match


def test_a_numbering_whose_bracket_was_lost_is_still_a_numbering() -> None:
    """``（七计`` is ``（七）总计`` misspelt: ``（七`` is its numbering, not a bracketed note
    running to the end (which would leave nothing of the label)."""
    assert normalise_label("（七计") == "计"
    assert normalise_label("（七总计") == "总计"
    assert normalise_label("（二）部分公开（区分处理的") == "部分公开"
    assert numbered("（七计") and numbered("3. 其他") and numbered("（一）予以公开")
    assert not numbered("国家秘密") and not numbered("（区分处理的，只计这一情形")


@pytest.mark.parametrize(("text", "found"), [(".其他", "other.other"), ("、其他", "other.other")])
def test_a_label_whose_numbering_ran_into_the_values_before_it(text: str, found: str) -> None:
    # Values run together: 其他法律行政法规禁止公开00000003.其他 keeps the 3 with the digits
    # before it (they may be the row's own), so the next label starts at the full stop. That
    # is still a numbered label, the sub-row 3.其他, not the column header 其他.
    applications = matcher("2021", "applications")
    assert applications.match(text) == ("row", found)
    assert applications.match("其他") == ("furniture", None)


def test_after_header_gives_the_words_after_a_cell_s_last_header_word() -> None:
    """A header line run into the first row's label: what follows the header's words."""
    labels = matcher("2021", "proactive")
    assert (
        labels.after_header("第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章")
        == "规章"
    )
    assert labels.after_header("行政 许可") == "行政许可"  # no header word: its words whole
    assert labels.after_header("信息内容本年处理决定数量") == ""


@pytest.mark.parametrize(
    ("text", "misnumbered"),
    [
        ("2.其他", True),  # 3.其他's words, 2.其他法律行政法规禁止公开's number
        ("１．其他", True),
        ("3.其他", False),
        ("其他", False),  # no number: nothing to disagree
        ("2.重复申请", False),
        ("5.重复申请", True),
        ("（六）其他处理", False),  # a group: no place
    ],
)
def test_a_sub_rows_number_other_than_its_place_is_misnumbered(
    text: str, misnumbered: bool
) -> None:
    assert matcher("2021", "applications").misnumbered(text) is misnumbered


@pytest.mark.parametrize(
    "template, section, text, foreign",
    [
        # A 2021 其他处理 sub-row in a 2019 reading; 2019's 其他对外管理服务事项 in a 2021 one.
        ("2019", "applications", "1.申请人无正当理由逾期不补正、行政机关不再处理其…", True),
        ("2021", "proactive", "其他对外管理服务事项", True),
        # A piece of 4.无正当理由大量反复申请, a row of both templates: 2021 finds it in two
        # of its rows (申请人无正当理由逾期不补正… holds it too), 2019 in one.
        ("2021", "applications", "4.无正当", False),
        ("2019", "applications", "4.无正当", False),
    ],
)
def test_a_row_is_foreign_only_where_its_template_has_it_not(
    template: str, section: str, text: str, foreign: bool
) -> None:
    assert foreign_row(template, section, text) is foreign


def test_a_wrapped_label_s_piece_of_a_row_both_templates_have_is_not_called_foreign() -> None:
    # 淮安市's 2024 report (2021 template) as plain pdftotext prints it, its
    # 4.无正当理由大量反复申请 wrapped in pieces on one line (pypdfium2's text of a Word PDF
    # prints a narrow cell's lines so) over two values only: the row's cells are missing and
    # said, and ``4.无正当`` is no row of "the other template".
    path = RENDERINGS / "ot-jiangsu-huaian-city-2024" / "pdftotext.txt"
    page = path.read_text(encoding="utf-8")
    row = "4.无正当理由大量反复申请\n\n" + "0\n\n" * 7
    assert page.count(row) == 1
    report = gr.parse(page.replace(row, "4.无正当 理由大量 反复申请\n\n4\n\n4\n\n"))
    assert not [d for d in report.diagnostics if d.code == "foreign-label"]
    named = {key for d in report.diagnostics if d.code in MISSING_CAUSES for key in d.keys}
    for column in ("natural_person", "total"):
        key = f"applications.not_processed.excessive.{column}"
        assert report.cell(key).provenance == "missing"
        assert key in named
