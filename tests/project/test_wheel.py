"""The built wheel carries the grammars: install it on its own, parse a seed from there and
read its rendering with the canonical grammar."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import SEEDS

ROOT = Path(__file__).parents[2]


@pytest.mark.slow
def test_wheel_installs_and_parses_a_seed(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(tmp_path / "dist"),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = (tmp_path / "dist").glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert {"govinfo_report/grammars/report.lark", "govinfo_report/grammars/canonical.lark"} <= set(
        names
    )
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    # The installed copy comes first on the path; its dependencies come from this venv.
    script = (
        "import govinfo_report as gr, govinfo_report.structure.skeleton as s, pathlib, sys;"
        "assert pathlib.Path(gr.__file__).is_relative_to(sys.argv[1]), gr.__file__;"
        "from importlib import resources;"
        "assert resources.files('govinfo_report').joinpath('grammars', s.GRAMMAR).is_file();"
        "from govinfo_report.write import canonical as c;"
        "assert resources.files('govinfo_report').joinpath('grammars', c.GRAMMAR).is_file();"
        "r = gr.parse(pathlib.Path(sys.argv[2]));"
        "print(r.organisation, r.flat()['proactive.licensing.decisions'],"
        " c.read(gr.render(r))['proactive.licensing.decisions'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(target), str(SEEDS[1])],
        check=True,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(target), "PATH": ""},
    )
    assert result.stdout.split() == ["城东区韵家口镇政府", "34", "34"]
