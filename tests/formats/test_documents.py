"""Input helpers: directory trees with glob patterns, zip and tar archives, JSON Lines; bad
containers and bad lines become documents that fail as unreadable, in their place."""

from __future__ import annotations

import gzip
import importlib
import io
import json
import tarfile
import zipfile
from pathlib import Path

import pytest

import govinfo_report as gr
from govinfo_report.read.documents import matcher

from conftest import SEEDS, assert_seed

#: The module (``gr.documents`` is its function of that name).
documents_module = importlib.import_module("govinfo_report.read.documents")


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """corpus/{000.txt, notes.md, 2020/{001.txt, deep/002.txt}, 2021/003.txt, 2021/x.txt.bak}"""
    root = tmp_path / "corpus"
    for relative, seed in [
        ("000.txt", SEEDS[0]),
        ("2020/001.txt", SEEDS[1]),
        ("2020/deep/002.txt", SEEDS[2]),
        ("2021/003.txt", SEEDS[3]),
    ]:
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_bytes(seed.read_bytes())
    (root / "notes.md").write_text("# notes\n", encoding="utf-8")
    (root / "2021" / "x.txt.bak").write_text("old\n", encoding="utf-8")
    return root


def _relative(documents: list[gr.Document], root: Path) -> list[str]:
    return [Path(d.name).relative_to(root).as_posix() for d in documents]


def test_directory_walks_in_a_stable_order(tree: Path) -> None:
    skipped: list[gr.Skipped] = []
    found = list(gr.directory(tree, skipped=skipped.append))
    assert _relative(found, tree) == [
        "000.txt",
        "notes.md",
        "2020/001.txt",
        "2020/deep/002.txt",
        "2021/003.txt",
    ]
    assert all(d.path == d.name and d.data is None for d in found)
    assert [(s.name, s.reason) for s in skipped] == [(str(tree / "2021" / "x.txt.bak"), "kind")]
    results = list(gr.iter_parse(found))
    assert results[1].error is not None and results[1].error.code == "not-a-report"
    for result, seed in zip(results[:1] + results[2:], SEEDS[:4], strict=True):
        assert_seed(result.report, seed)


@pytest.mark.parametrize(
    ("patterns", "expected"),
    [
        (("*.txt",), ["000.txt"]),
        (("2020/**/*.txt",), ["2020/001.txt", "2020/deep/002.txt"]),
        (("2020/*.txt", "*.md"), ["notes.md", "2020/001.txt"]),
        (("**/00[0-1].txt",), ["000.txt", "2020/001.txt"]),
        (("**/?0[!0-2].txt",), ["2021/003.txt"]),
        (("2021/**",), ["2021/003.txt", "2021/x.txt.bak"]),
    ],
)
def test_directory_patterns(tree: Path, patterns: tuple[str, ...], expected: list[str]) -> None:
    assert _relative(list(gr.directory(tree, patterns)), tree) == expected


def test_glob_semantics() -> None:
    matches = matcher(["**/*.txt"])
    assert [matches(p) for p in ("a.txt", "d/a.txt", "d/e/a.txt", "a.md", "a.txt/b")] == [
        True,
        True,
        True,
        False,
        False,
    ]
    assert not matcher(["*.txt"])("A.TXT")  # case-sensitive
    assert matcher(["a+b(1).txt"])("a+b(1).txt") and not matcher(["a+b(1).txt"])("aab1.txt")


def test_zip_archive_members_are_read_by_the_worker(tmp_path: Path) -> None:
    archive = tmp_path / "corpus.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("reports/", "")
        out.writestr("reports/a.txt", SEEDS[2].read_bytes())
        out.writestr("readme.md", "not a report")
        out.writestr("b.txt", SEEDS[4].read_bytes())
    found = list(gr.documents(archive, ["**/*.txt"]))
    assert [(d.name, d.path, d.member, d.data) for d in found] == [
        (f"{archive}:reports/a.txt", str(archive), "reports/a.txt", None),
        (f"{archive}:b.txt", str(archive), "b.txt", None),
    ]
    for jobs in (1, 2):
        results = list(gr.iter_parse(found, jobs=jobs))
        assert_seed(results[0].report, SEEDS[2])
        assert_seed(results[1].report, SEEDS[4])
    missing = gr.Document("gone", path=str(archive), member="gone.txt").read
    with pytest.raises(gr.ParseError) as raised:
        missing()
    assert raised.value.code == "unreadable"
    assert raised.value.message == (
        "cannot read gone: There is no item named 'gone.txt' in the archive"
    )


def test_zip_members_sharing_a_name_are_unreadable(tmp_path: Path) -> None:
    """A member is read by its name, and a zip may hold two of one name: both were read as
    the last one (one report lost, the other counted twice)."""
    archive = tmp_path / "twice.zip"
    with zipfile.ZipFile(archive, "w") as out, pytest.warns(UserWarning, match="Duplicate"):
        out.writestr("a.txt", SEEDS[2].read_bytes())
        out.writestr("a.txt", SEEDS[4].read_bytes())
        out.writestr("b.txt", SEEDS[1].read_bytes())
    results = list(gr.iter_parse(gr.documents(archive)))
    assert [(r.ok, r.error.code if r.error else None) for r in results] == [
        (False, "unreadable"),
        (False, "unreadable"),
        (True, None),
    ]
    assert results[0].error is not None
    assert results[0].error.message == (
        f"cannot read {archive}:a.txt: the archive holds 2 members of that name"
    )
    assert_seed(results[2].report, SEEDS[1])


def test_an_archive_rewritten_in_place_is_read_anew(tmp_path: Path) -> None:
    archive = tmp_path / "corpus.zip"
    for seed in (SEEDS[0], SEEDS[3]):
        with zipfile.ZipFile(archive, "w") as out:
            out.writestr("a.txt", seed.read_bytes() + b"\n" * seed.stem.count("3"))
        assert_seed(next(gr.iter_parse(gr.zip_archive(archive))).report, seed)


@pytest.mark.parametrize("suffix", [".tar", ".tar.gz", ".tar.bz2", ".tar.xz"])
def test_tar_archive_members_travel_as_data(tmp_path: Path, suffix: str) -> None:
    archive = tmp_path / f"corpus{suffix}"
    mode = {".tar": "w", ".tar.gz": "w:gz", ".tar.bz2": "w:bz2", ".tar.xz": "w:xz"}[suffix]
    with tarfile.open(archive, mode) as out:
        out.add(SEEDS[1], arcname="./2020/one.txt")
        out.add(SEEDS[3], arcname="./2020/two.txt")
        out.add(SEEDS[0], arcname="./skip.csv")
    found = list(gr.documents(archive))
    assert [d.name for d in found] == [f"{archive}:2020/one.txt", f"{archive}:2020/two.txt"]
    assert found[0].data == SEEDS[1].read_bytes() and found[0].path is None
    results = list(gr.iter_parse(found))
    assert_seed(results[0].report, SEEDS[1])
    assert_seed(results[1].report, SEEDS[3])


def test_a_truncated_tar_ends_with_an_unreadable_document(tmp_path: Path) -> None:
    archive = tmp_path / "corpus.tar.gz"
    with tarfile.open(archive, "w:gz") as out:
        for seed in SEEDS:
            out.add(seed, arcname=seed.name)
    data = archive.read_bytes()
    archive.write_bytes(data[: len(data) * 2 // 3])
    found = list(gr.tar_archive(archive))
    # the archive ends inside the fourth member: the three before it are read whole, the
    # fourth fails, named, and nothing after it is read
    assert [d.name for d in found] == [f"{archive}:{seed.name}" for seed in SEEDS[:4]]
    results = list(gr.iter_parse(found))
    assert results[-1].error is not None and results[-1].error.code == "unreadable"
    assert results[-1].error.message == (
        f"cannot read {archive}:{SEEDS[3].name}: unexpected end of data"
    )
    for result, seed in zip(results[:-1], SEEDS[:3], strict=True):
        assert_seed(result.report, seed)


def _with_a_large_member(archive: Path, size: int) -> None:
    """A .tar.gz of seed 1, a member of ``size`` zero bytes, then seed 3."""
    with tarfile.open(archive, "w:gz") as out:
        out.add(SEEDS[1], arcname="one.txt")
        info = tarfile.TarInfo("zeros.txt")
        info.size = size
        out.addfile(info, io.BytesIO(bytes(size)))
        out.add(SEEDS[3], arcname="two.txt")


@pytest.mark.parametrize("piece", [64 * 1024, 16 * 1024 * 1024])
def test_a_large_member_is_passed_over_in_large_pieces(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, piece: int
) -> None:
    # Issue 28: tarfile passes over a member 10 kB at a time, copying what it inflated ahead
    # each time (a 300 MB member that inflates well: 12.7 s, gzip alone 0.4 s). The listing
    # reads up to the next header itself; what follows is read whole and right.
    monkeypatch.setattr(documents_module, "_PASS_OVER", piece)
    archive = tmp_path / "corpus.tar.gz"
    _with_a_large_member(archive, 3 * 1024 * 1024 + 7)
    found = list(gr.tar_archive(archive, max_bytes=1024 * 1024))
    assert [d.name.rpartition(":")[2] for d in found] == ["one.txt", "zeros.txt", "two.txt"]
    assert found[1].code == "too-large"
    assert found[0].data == SEEDS[1].read_bytes() and found[2].data == SEEDS[3].read_bytes()


def test_an_archive_cut_inside_a_member_passed_over_ends_unreadable(tmp_path: Path) -> None:
    # The pass-over reads to the member's very end itself: a stream that ends before it is
    # still named, as tarfile names it, and nothing after it is made up.
    archive = tmp_path / "corpus.tar.gz"
    _with_a_large_member(archive, 3 * 1024 * 1024 + 7)
    with gzip.open(archive) as whole:
        data = whole.read()
    archive.write_bytes(gzip.compress(data[: 2 * 1024 * 1024]))  # cut inside the zeros
    found = list(gr.tar_archive(archive, max_bytes=1024 * 1024))
    assert [d.name for d in found] == [f"{archive}:one.txt", f"{archive}:zeros.txt", str(archive)]
    assert found[1].code == "too-large"
    assert found[2].unreadable == f"cannot read {archive}: unexpected end of data"


def test_a_tar_listing_has_a_time_budget_per_document(tmp_path: Path) -> None:
    # The listing runs in the caller, outside the workers' --timeout: one archive may take
    # --timeout for each document it gives and one more, then ends with a document that
    # fails as timeout.
    archive = tmp_path / "corpus.tar.gz"
    _with_a_large_member(archive, 1024)
    found = list(gr.tar_archive(archive, timeout=1e-9))
    assert [d.name for d in found] == [f"{archive}:one.txt", str(archive)]
    assert found[1].code == "timeout" and "listing it took longer than 1e-09 s" in str(
        found[1].unreadable
    )
    assert len(list(gr.documents(archive, timeout=60.0))) == 3


@pytest.mark.parametrize("name", ["absent.zip", "absent.tar.gz", "absent.jsonl", "absent"])
def test_a_missing_container_is_one_unreadable_document(tmp_path: Path, name: str) -> None:
    (result,) = gr.iter_parse(gr.documents(tmp_path / name))
    assert result.name == str(tmp_path / name)
    assert result.error is not None and result.error.code == "unreadable"
    assert "No such file or directory" in result.error.message


def test_a_file_that_is_not_a_zip(tmp_path: Path) -> None:
    fake = tmp_path / "fake.zip"
    fake.write_bytes(SEEDS[0].read_bytes())
    (document,) = gr.documents(fake)
    assert document.unreadable == f"cannot read {fake}: File is not a zip file"


def test_a_missing_directory(tmp_path: Path) -> None:
    (document,) = gr.directory(tmp_path / "nowhere")
    assert document.unreadable == f"cannot read {tmp_path / 'nowhere'}: not a directory"


def test_json_lines_with_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps({"id": "s0", "text": SEEDS[0].read_text(encoding="utf-8")}).encode(),
        b"{not json",
        b"",
        json.dumps({"id": "s1", "body": "no text field"}).encode(),
        json.dumps(["a", "list"]).encode(),
        json.dumps({"id": "s2", "text": 12}).encode(),
        b'{"id": "bad", "text": "\xff\xfe"}',
        json.dumps({"text": SEEDS[4].read_text(encoding="utf-8")}, ensure_ascii=False).encode(),
    ]
    path.write_bytes(b"\xef\xbb\xbf" + b"\n".join(lines) + b"\n")
    found = list(gr.json_lines(path, name_field="id"))
    assert [d.name for d in found] == [
        "s0",
        f"{path}:2",
        f"{path}:4",
        f"{path}:5",
        f"{path}:6",
        f"{path}:7",
        f"{path}:8",
    ]
    assert [d.unreadable for d in found[1:-1]] == [
        f"{path}:2: not JSON: Expecting property name enclosed in double quotes: "
        "line 1 column 2 (char 1)",
        f"{path}:4: no field 'text'",
        f"{path}:5: not a JSON object",
        f"{path}:6: not a string in field 'text'",
        f"{path}:7: not UTF-8: 'utf-8' codec can't decode byte 0xff in position 23: "
        "invalid start byte",
    ]
    results = list(gr.iter_parse(found, jobs=2, chunksize=1))
    assert [r.ok for r in results] == [True, False, False, False, False, False, True]
    assert {r.error.code for r in results if r.error is not None} == {"unreadable"}
    assert_seed(results[0].report, SEEDS[0])
    assert_seed(results[-1].report, SEEDS[4])
    assert [d.name for d in gr.json_lines(path, text_field="body")][2] == f"{path}:4"
    assert gr.json_lines(path, text_field="body").__next__().unreadable == (
        f"{path}:1: no field 'body'"
    )


def test_documents_of_a_plain_file_is_that_file() -> None:
    assert list(gr.documents(SEEDS[0])) == [gr.Document(str(SEEDS[0]), path=str(SEEDS[0]))]


def _raw_named_zip(path: Path, names: list[bytes], content: bytes) -> None:
    """A zip whose members' names are these bytes, with no UTF-8 flag (as zip tools on
    Chinese Windows, and Info-ZIP, write them): each written under an ASCII stand-in of the
    same length, then the stand-in's bytes replaced."""
    stand_ins = [f"@{number}".ljust(len(raw), "@").encode() for number, raw in enumerate(names)]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for stand_in in stand_ins:
            archive.writestr(stand_in.decode(), content)
    data = buffer.getvalue()
    for stand_in, raw in zip(stand_ins, names, strict=True):
        assert data.count(stand_in) == 2  # the local header and the central directory
        data = data.replace(stand_in, raw)
    path.write_bytes(data)


def test_member_names_are_decoded_as_their_archive_meant_them(tmp_path: Path) -> None:
    content = SEEDS[4].read_bytes()
    gbk, utf8 = "平台县2024年报.txt", "洪泽区/2024年度报告.txt"
    _raw_named_zip(tmp_path / "win.zip", [gbk.encode("gbk"), utf8.encode("utf-8")], content)
    # A name neither UTF-8 nor GB18030 is left as cp437 (here a byte GB18030 never starts).
    _raw_named_zip(tmp_path / "dos.zip", [b"caf\x82\xff.txt"], content)
    with zipfile.ZipFile(tmp_path / "flagged.zip", "w") as archive:
        archive.writestr("淮安市/报告.txt", content)  # zipfile sets the UTF-8 flag
    with tarfile.open(tmp_path / "old.tar", "w", format=tarfile.GNU_FORMAT, encoding="gbk") as tar:
        info = tarfile.TarInfo("沭阳县2025.txt")
        info.size = len(content)
        tar.addfile(info, io.BytesIO(content))
    with tarfile.open(tmp_path / "pax.tar", "w", format=tarfile.PAX_FORMAT) as tar:
        info = tarfile.TarInfo("泗洪县2025.txt")
        info.size = len(content)
        tar.addfile(info, io.BytesIO(content))
    names = [d.name.removeprefix(f"{tmp_path}/") for d in gr.documents(tmp_path)]
    assert names == [
        "dos.zip:café\u00a0.txt",
        "flagged.zip:淮安市/报告.txt",
        "old.tar:沭阳县2025.txt",
        "pax.tar:泗洪县2025.txt",
        f"win.zip:{gbk}",
        f"win.zip:{utf8}",
    ]
    # Each is read by its own member name, and parses.
    results = list(gr.iter_parse(gr.documents(tmp_path), timeout=None))
    assert [r.error for r in results] == [None] * 6


def test_junk_entries_are_skipped_with_their_reason(tmp_path: Path) -> None:
    content = SEEDS[4].read_bytes()
    with zipfile.ZipFile(tmp_path / "mac.zip", "w") as archive:
        for name in ("年报.txt", "__MACOSX/._年报.txt", "__MACOSX/x/y.txt", ".DS_Store"):
            archive.writestr(name, content)
    (tmp_path / "~$年报.docx").write_bytes(b"\x00lock")
    (tmp_path / "Thumbs.db").write_bytes(b"\x00")
    (tmp_path / "._report.txt").write_bytes(b"\x00\x05\x16\x07")
    skipped: list[gr.Skipped] = []
    names = [d.name for d in gr.documents(tmp_path, skipped=skipped.append)]
    assert names == [f"{tmp_path}/mac.zip:年报.txt"]
    assert sorted((s.name.removeprefix(f"{tmp_path}/"), s.reason) for s in skipped) == [
        ("._report.txt", "junk"),
        ("Thumbs.db", "junk"),
        ("mac.zip:.DS_Store", "junk"),
        ("mac.zip:__MACOSX/._年报.txt", "junk"),
        ("mac.zip:__MACOSX/x/y.txt", "junk"),
        ("~$年报.docx", "junk"),
    ]
    assert "macOS" in str(skipped[0])
