"""The web libraries (httpx, trafilatura, htmldate, feedparser, lxml) load only where they are needed:
`briefing --version`, `list`, `feeds list` and importing a Markdown file never import them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from store.library import Library

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("httpx", "trafilatura", "htmldate", "feedparser", "lxml", "justext", "courlan")


def _heavy_after(argv: list[str]) -> list[str]:
    code = (
        "import sys, json, cli.main\n"
        f"try:\n    cli.main.main({argv!r})\nexcept SystemExit:\n    pass\n"
        f"print(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    loaded: list[str] = json.loads(done.stdout.strip().splitlines()[-1])
    return loaded


@pytest.mark.parametrize(
    "command", [["--version"], ["list"], ["feeds", "list"], ["import", "--no-analyze", "MD"]]
)
def test_commands_that_do_not_fetch_do_not_load_the_web_libraries(tmp_path: Path, command: list[str]) -> None:
    folder = tmp_path / "lib"
    Library.open(folder, import_samples=False).close()
    note = tmp_path / "a.md"
    note.write_text("# Title\n\nText.\n")
    argv = ["--library", str(folder), *[str(note) if part == "MD" else part for part in command]]
    assert _heavy_after(argv) == []


def test_importing_a_saved_page_loads_the_extractor_but_not_the_http_client(tmp_path: Path) -> None:
    page = tmp_path / "a.html"
    page.write_text(
        "<html><body><article>" + "<p>Words of the article here.</p>" * 20 + "</article></body></html>"
    )
    loaded = _heavy_after(["--library", str(tmp_path / "lib"), "import", "--no-analyze", str(page)])
    assert "trafilatura" in loaded and "httpx" not in loaded
