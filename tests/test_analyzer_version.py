"""The analyzer's version is known without loading the analysis engine (`extract.version`), and the
package's `analyze` is the function however it is first imported (it is also its module's name)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import extract
from extract.version import ANALYZER_VERSION

ROOT = Path(__file__).resolve().parents[1]
ENGINE = "extract.entities"  # one of the modules the engine loads


def _run(code: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_the_package_exports_the_version_of_its_module() -> None:
    assert extract.ANALYZER_VERSION == ANALYZER_VERSION


def test_the_library_learns_the_version_without_loading_the_engine(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from store.library import Library\n"
        f"library = Library.open({str(tmp_path / 'lib')!r}, import_samples=False)\n"
        "print(library._analyses.version(), list(library.timeline_json()), "
        f"{ENGINE!r} in sys.modules)\n"
    )
    assert _run(code) == f"{ANALYZER_VERSION} [] False"


@pytest.mark.parametrize(
    "first",
    [
        "import extract",
        "from extract.analyze import analyze",
        "import extract.analyze",
        "from extract import analyze",
        "import extract.analyze as module",
    ],
)
def test_analyze_is_the_function_whichever_import_comes_first(first: str) -> None:
    code = (
        f"{first}\n"
        "import sys, types, extract\n"
        "from extract import analyze\n"
        "from extract.analyze import analyze as inner\n"
        "print(analyze is inner is extract.analyze, type(sys.modules['extract.analyze']) is types.ModuleType,"
        " len(analyze('The council met on 3 May 2021.', None).facts))\n"
    )
    assert _run(code) == "True True 1"
