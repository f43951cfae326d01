"""Atomic export writing: the whole document or nothing, never a partial or stray temporary file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from store.export import ExportError, OutputExists, write_atomic


def test_writes_the_whole_text(tmp_path: Path) -> None:
    target = tmp_path / "brief.md"
    write_atomic(target, "# Brief\n\nÉté\n")
    assert target.read_text(encoding="utf-8") == "# Brief\n\nÉté\n"
    assert os.listdir(tmp_path) == ["brief.md"]


def test_replaces_an_existing_file_and_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "brief.md"
    target.write_text("old")
    target.chmod(0o640)
    write_atomic(target, "new", replace=True)
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
        write_atomic(target, "new text that must not appear", replace=True)
    assert target.read_text() == "old"
    assert os.listdir(tmp_path) == ["brief.md"]


def test_an_existing_file_is_kept_unless_replacing_is_asked_for(tmp_path: Path) -> None:
    target = tmp_path / "brief.md"
    target.write_text("old")
    with pytest.raises(OutputExists, match=r"cannot write .*brief.md: the file exists"):
        write_atomic(target, "new")
    assert target.read_text() == "old"
    assert os.listdir(tmp_path) == ["brief.md"]


@pytest.mark.parametrize("replace", [False, True])
def test_a_symbolic_link_is_refused_and_its_target_untouched(tmp_path: Path, replace: bool) -> None:
    real = tmp_path / "real.md"
    real.write_text("precious")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(tmp_path / "nowhere.md")
    for path in (link, dangling):
        with pytest.raises(ExportError, match="it is a symbolic link"):
            write_atomic(path, "new", replace=replace)
    assert link.is_symlink() and dangling.is_symlink() and real.read_text() == "precious"
    assert not (tmp_path / "nowhere.md").exists()
    assert sorted(os.listdir(tmp_path)) == ["dangling.md", "link.md", "real.md"]


@pytest.mark.parametrize("replace", [False, True])
def test_a_fifo_is_refused_without_blocking(tmp_path: Path, replace: bool) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(ExportError, match="not a regular file"):
        write_atomic(fifo, "new", replace=replace)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert os.listdir(tmp_path) == ["pipe"]


def test_a_device_is_refused(tmp_path: Path) -> None:
    before = os.lstat(os.devnull)
    with pytest.raises(ExportError, match="not a regular file"):
        write_atomic(os.devnull, "new", replace=True)
    after = os.lstat(os.devnull)
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_a_file_appearing_meanwhile_is_not_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "brief.md"
    real_fsync = os.fsync

    def someone_else_writes(fd: int) -> None:  # between the check and the rename
        real_fsync(fd)
        if not target.exists():
            target.write_text("theirs")

    monkeypatch.setattr(os, "fsync", someone_else_writes)
    with pytest.raises(OutputExists):
        write_atomic(target, "mine")
    assert target.read_text() == "theirs"
    assert os.listdir(tmp_path) == ["brief.md"]
