"""`briefing` without a subcommand: a library that cannot be opened is one clear line and exit 1."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from cli.launch import launch


def test_unusable_library_path_is_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    not_a_folder = tmp_path / "library"
    not_a_folder.write_text("I am a file", encoding="utf-8")
    code = launch(argparse.Namespace(library=str(not_a_folder)))
    assert code == 1
    err = capsys.readouterr().err
    assert err.startswith("briefing: ") and str(not_a_folder) in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_library_path_comes_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    not_a_folder = tmp_path / "env-library"
    not_a_folder.write_text("", encoding="utf-8")
    monkeypatch.setenv("BRIEFING_LIBRARY", str(not_a_folder))
    assert launch(argparse.Namespace(library=None)) == 1
    assert str(not_a_folder) in capsys.readouterr().err
