"""Hostile article text through the headless commands: JSON output escapes what a terminal would act on
(and still parses back to the stored text), and a closed pipe ends a command quietly with status 0."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from store.library import Library
from store.safetext import safe_json
from tests.store_support import write
from tests.test_cli_library import ROOT, briefing

# DEL, the one-character CSI (U+009B), bidi override and isolate, line separator.
RAW_UNSAFE = ("\x7f", "\x9b", "\u202e", "\u2066", "\u2028")
HOSTILE = "Kadhimi \x1b[31mred\x1b[0m \x9b2J del\x7f \u202eevil\u202c \u2066iso\u2069 \u2028sep [bold]x[/]"


def assert_terminal_safe(output: str) -> None:
    for char in (*RAW_UNSAFE, "\x1b", "\x07"):
        assert char not in output, repr(char)


@pytest.mark.parametrize("value", ["plain", HOSTILE, {"k": [HOSTILE, 1, None]}, "Tết Kadıköy ¥ —"])
def test_safe_json_round_trips_and_leaves_readable_text(value: object) -> None:
    text = safe_json(value)
    assert json.loads(text) == value
    assert_terminal_safe(text)
    assert safe_json("Tết") == '"Tết"'  # non-ASCII stays readable


def test_json_outputs_escape_terminal_controls(library_path: Path, tmp_path: Path) -> None:
    src = write(tmp_path, "a.md", f"Title line\n\nOn 5 January 2021 {HOSTILE} met officials.\n")
    imported = briefing("--library", str(library_path), "import", str(src))
    assert imported.returncode == 0, imported.stderr
    listed = briefing("--library", str(library_path), "list", "--json")
    assert_terminal_safe(listed.stdout)
    article_id = json.loads(listed.stdout)[0]["id"]
    shown = briefing("--library", str(library_path), "show", article_id, "--json")
    assert_terminal_safe(shown.stdout)
    assert json.loads(shown.stdout)["body"] == src.read_text(encoding="utf-8")
    timeline = briefing("--library", str(library_path), "timeline", "--json")
    assert timeline.returncode == 0
    assert_terminal_safe(timeline.stdout)
    assert any(HOSTILE in entry["text"] for entry in json.loads(timeline.stdout))
    analysed = briefing("analyze", str(src), "--json", "--date", "2021-01-05")
    assert analysed.returncode == 0
    assert_terminal_safe(analysed.stdout)
    text = src.read_text(encoding="utf-8")
    data = json.loads(analysed.stdout)
    for item in [*data["entities"], *data["figures"], *data["dates"]]:
        assert text[item["start"] : item["end"]] == item["text"]


@pytest.mark.parametrize("fmt", ["json", "timelinejs"])
def test_json_exports_escape_terminal_controls(library_path: Path, tmp_path: Path, fmt: str) -> None:
    src = write(tmp_path, "a.md", f"{HOSTILE}\n\nOn 5 January 2021 {HOSTILE} met officials.\n")
    assert briefing("--library", str(library_path), "import", str(src)).returncode == 0
    exported = briefing("--library", str(library_path), "export", "--format", fmt)
    assert exported.returncode == 0, exported.stderr
    assert_terminal_safe(exported.stdout)
    if fmt == "json":  # the data is unchanged: the escapes parse back to the article's characters
        assert "\x9b2J del\x7f \u202eevil" in json.dumps(json.loads(exported.stdout), ensure_ascii=False)


def test_closed_pipe_ends_quietly(library_path: Path, tmp_path: Path) -> None:
    src = write(tmp_path, "long.md", "Long\n\n" + "A line of the article body.\n" * 20000)
    assert briefing("--library", str(library_path), "import", str(src), "--no-analyze").returncode == 0
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-m", "cli.main", "--library", str(library_path), "show", _only_id(library_path)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None and child.stderr is not None
    child.stdout.readline()
    child.stdout.close()  # like `briefing show ID | head -1`
    stderr = child.stderr.read().decode()
    child.wait(timeout=60)
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr
    assert child.returncode == 0


@pytest.mark.parametrize("command", [["list"], ["list", "--json"], ["timeline"], ["export", "--format=md"]])
def test_pipe_closed_before_any_output_ends_quietly_with_status_0(
    library_path: Path, tmp_path: Path, command: list[str]
) -> None:
    # The reader is gone before the command writes anything, so the short output stays in Python's buffer
    # until the end: the broken pipe must be noticed by the command itself, not by the interpreter's final
    # flush (which printed "Exception ignored ... BrokenPipeError" and exited with status 120).
    src = write(tmp_path, "a.md", "Title line\n\nOn 5 January 2021 the minister met officials.\n")
    assert briefing("--library", str(library_path), "import", str(src)).returncode == 0
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "cli.main", "--library", str(library_path), *command],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdout=write_end,
            stderr=subprocess.PIPE,
            timeout=120,
        )
    finally:
        os.close(write_end)
    stderr = result.stderr.decode()
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr and "Exception" not in stderr
    assert result.returncode == 0


def _only_id(library_path: Path) -> str:
    with Library.open(library_path, import_samples=False) as lib:
        return lib.articles()[0].id
