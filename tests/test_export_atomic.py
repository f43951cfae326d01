"""Atomic export writing: the whole document or nothing, never a partial or stray temporary file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from store.export import ExportError, write_atomic


def test_writes_the_whole_text(tmp_path: Path) -> None:
    target = tmp_path / "brief.md"
    write_atomic(target, "# Brief\n\nÉté\n")
    assert target.read_text(encoding="utf-8") == "# Brief\n\nÉté\n"
    assert os.listdir(tmp_path) == ["brief.md"]


def test_replaces_an_existing_file_and_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "brief.md"
    target.write_text("old")
    target.chmod(0o640)
    write_atomic(target, "new")
    assert target.read_text() == "new"
    assert target.stat().st_mode & 0o777 == 0o640


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"cannot write .*: the folder does not exist"):
        write_atomic(tmp_path / "nope" / "brief.md", "x")


def test_a_folder_as_target_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="it is a folder"):
        write_atomic(tmp_path, "x")


def test_a_file_as_folder_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("")
    with pytest.raises(ExportError, match="not a folder"):
        write_atomic(tmp_path / "file" / "brief.md", "x")


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_unwritable_folder_is_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportError, match="permission denied"):
            write_atomic(folder / "brief.md", "x")
    finally:
        folder.chmod(0o700)


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_failure_while_writing_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException
) -> None:
    target = tmp_path / "brief.md"
    target.write_text("old")

    def broken_fsync(fd: int) -> None:
        raise failure

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(type(failure) if isinstance(failure, KeyboardInterrupt) else ExportError):
        write_atomic(target, "new text that must not appear")
    assert target.read_text() == "old"
    assert os.listdir(tmp_path) == ["brief.md"]
