"""`briefing import` on a terminal (problems on one line, the bar visible) and examples in every --help."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from rich.console import Console

from cli.import_cmd import _import_rich
from cli.main import main
from store.records import ImportReport, ImportStep

LONG_MESSAGE = "front matter is not valid YAML at line 3: did not find expected ',' or ']' in the flow"
LONG_NAME = "a-very-long-file-name-that-would-push-the-progress-bar-off-the-line.md"


def fake_import(paths: list[str], progress: Any = None, analyze: bool = True) -> ImportReport:
    report = ImportReport()
    progress(ImportStep(f"/in/{LONG_NAME}", 1, 2, "failed", message=LONG_MESSAGE))
    progress(ImportStep(f"/in/{LONG_NAME}", 2, 2, "added", article_id="ab" * 8))
    return report


def test_problem_line_is_not_wrapped_and_the_bar_keeps_its_room() -> None:
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=80, highlight=False)
    _import_rich(fake_import, ["/in"], False, console=console)
    lines = [re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", line) for line in re.split(r"[\r\n]", out.getvalue())]
    errors = [line for line in lines if line.startswith("error: ")]
    assert errors == [f"error: /in/{LONG_NAME}: {LONG_MESSAGE}"]  # whole, on one line
    final = [line for line in lines if line.startswith("Importing")][-1]
    assert "2/2" in final and "━" * 10 in final
    assert LONG_NAME not in final and LONG_NAME[:31] + "…" in final


@pytest.mark.parametrize("command", ["import", "list", "show", "analyze", "timeline", "export"])
def test_every_subcommand_help_has_examples(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"])
    assert exit_.value.code == 0
    help_text = capsys.readouterr().out
    examples = help_text.split("examples:\n", 1)[1].splitlines()
    assert any(line.startswith(f"  briefing {command} ") for line in examples)
