"""A full disk or an I/O error while saving: a clear message, the library as it was, no unreferenced
article texts left behind, the import's summary still printed; reading commands still work; temporary
files left by killed writers are removed on open."""

from __future__ import annotations

import errno
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from filelock import FileLock

from cli.main import main
from store import atomic
from store.library import Library
from tests.store_support import article_text, write


def _failing(code: int, only: Callable[[str], bool] = lambda name: True) -> Callable[..., None]:
    real_replace = os.replace

    def replace(src: object, dst: object, *args: object, **kwargs: object) -> None:
        if only(str(dst)):
            raise OSError(code, os.strerror(code))
        real_replace(src, dst, *args, **kwargs)  # type: ignore[arg-type]

    return replace


def _bodies(folder: Path) -> list[Path]:
    return sorted((folder / "bodies").rglob("*.txt"))


def _sources(tmp_path: Path, n: int = 3) -> Path:
    src = tmp_path / "in"
    for i in range(n):
        write(src, f"a{i}.md", article_text(f"Title {i}", f"Text number {i} from 2021-01-0{i + 1}."))
    return src


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EIO])
def test_fsync_error_on_import_keeps_the_library_and_leaves_no_bodies(
    library_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    code: int,
) -> None:
    src = _sources(tmp_path)
    before = (
        (library_path / "articles.json").read_bytes() if (library_path / "articles.json").exists() else None
    )

    def broken_fsync(fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", broken_fsync)
    status = main(["--library", str(library_path), "import", "--no-analyze", str(src)])
    monkeypatch.undo()
    out, err = capsys.readouterr()
    assert status == 1
    assert out.splitlines()[-1] == "0 added, 0 already present, 3 failed"  # the summary is printed
    assert "Traceback" not in err
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(errors) == 3
    reason = "the disk is full" if code == errno.ENOSPC else "input/output error"
    assert all(reason in line for line in errors), err
    assert _bodies(library_path) == []  # nothing unreferenced stays behind to fill the disk
    after = (
        (library_path / "articles.json").read_bytes() if (library_path / "articles.json").exists() else None
    )
    assert after == before
    assert not [p for p in library_path.rglob("*.tmp")]


def test_a_failed_metadata_save_removes_the_texts_it_wrote_and_keeps_older_ones(
    library_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = tmp_path / "first"
    write(first, "kept.md", article_text("Kept", "Already in the library."))
    with Library.open(library_path) as lib:
        assert len(lib.import_paths([first], analyze=False).added) == 1
    kept = _bodies(library_path)
    src = _sources(tmp_path)
    monkeypatch.setattr(atomic.os, "replace", _failing(errno.ENOSPC, lambda d: d.endswith("articles.json")))
    with Library.open(library_path) as lib:
        report = lib.import_paths([src], analyze=False)
        assert len(report.failed) == 3 and not report.added
        assert all("could not save" in p.message and "disk is full" in p.message for p in report.failed)
        assert [m.title for m in lib.articles()] == ["Kept"]
    monkeypatch.undo()
    assert _bodies(library_path) == kept
    with Library.open(library_path) as lib:  # and the import works once there is room again
        assert len(lib.import_paths([src], analyze=False).added) == 3


def test_after_a_failed_batch_the_rest_is_reported_not_tried(
    library_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = _sources(tmp_path, 4)
    monkeypatch.setattr(Library, "COMMIT_SECONDS", 0.0)  # one batch per file
    monkeypatch.setattr(atomic.os, "replace", _failing(errno.ENOSPC, lambda d: d.endswith(".txt")))
    steps: list[str] = []
    with Library.open(library_path) as lib:
        report = lib.import_paths([src], analyze=False, progress=lambda s: steps.append(s.status))
    assert steps == ["failed"] * 4
    assert "disk is full" in report.failed[0].message
    assert all("stopped" in p.message for p in report.failed[1:])
    assert _bodies(library_path) == []


@pytest.mark.parametrize(
    "command", [["timeline"], ["export", "--format", "md"], ["export", "--format", "timelinejs"]]
)
def test_reading_commands_work_on_a_full_disk(
    library_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
) -> None:
    src = _sources(tmp_path, 2)
    with Library.open(library_path) as lib:
        lib.import_paths([src], analyze=False)  # no analysis stored yet: the command must compute it
    monkeypatch.setattr(atomic.os, "replace", _failing(errno.ENOSPC))

    def no_room(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_room)
    status = main(["--library", str(library_path), *command])
    out, err = capsys.readouterr()
    assert status == 0, err
    assert "Text number 1" in out or "Title 1" in out
    assert "Traceback" not in err


def test_leftover_temporary_files_are_removed_on_open(library_path: Path) -> None:
    (library_path / "bodies" / "ab").mkdir(parents=True)
    (library_path / "annotations").mkdir(exist_ok=True)
    old = time.time() - 60
    leftovers = [
        library_path / ".articles.json.k2j4_x9a.tmp",
        library_path / ".articles.json.bak.4242.0a1b2c3d.tmp",
        library_path / "bodies" / "ab" / f".{'ab' * 16}.txt.abcdefgh.tmp",
        library_path / "annotations" / ".ab.json.zz99yy88.tmp",
    ]
    others = [
        library_path / "notes.tmp",  # not one of ours
        library_path / ".articles.json.tmp",  # not the pattern of our temporary files
        library_path / "bodies" / "ab" / f"{'ab' * 16}.txt",
    ]
    for path in leftovers + others:
        path.write_text("x", encoding="utf-8")
        os.utime(path, (old, old))
    fresh = library_path / ".meta.json.a1b2c3d4.tmp"  # written after the sweep began: maybe in use
    fresh.write_text("x", encoding="utf-8")
    os.utime(fresh, (time.time() + 60, time.time() + 60))

    with FileLock(library_path / ".write.lock"):  # another process is writing: nothing is touched
        Library.open(library_path).close()
    assert all(p.exists() for p in leftovers)
    with Library.open(library_path, read_only=True):  # read-only: nothing is touched
        pass
    assert all(p.exists() for p in leftovers)

    Library.open(library_path).close()  # a command: only the small folders are swept
    assert [p for p in leftovers if p.exists()] == [leftovers[2]]
    Library.open(library_path, session=True).close()  # the app: every folder
    assert not [p for p in leftovers if p.exists()]
    assert all(p.exists() for p in others) and fresh.exists()


def test_an_import_sweeps_the_texts_folder(library_path: Path, tmp_path: Path) -> None:
    leftover = library_path / "bodies" / "cd" / f".{'cd' * 16}.txt.abcdefgh.tmp"
    leftover.parent.mkdir(parents=True)
    leftover.write_text("partial", encoding="utf-8")
    os.utime(leftover, (time.time() - 60, time.time() - 60))
    with Library.open(library_path) as lib:
        assert leftover.exists()
        lib.import_paths([_sources(tmp_path, 1)], analyze=False)
    assert not leftover.exists()


def test_disk_full_message_names_the_file(library_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = (library_path / "meta.json").read_bytes()
    with Library.open(library_path) as lib:
        monkeypatch.setattr(atomic.os, "replace", _failing(errno.ENOSPC))
        from store.errors import LibraryError

        with pytest.raises(LibraryError, match=r"could not save .*meta\.json: the disk is full"):
            lib.set_state("k", 1)
    assert (library_path / "meta.json").read_bytes() == before


def test_the_sweep_waits_for_this_librarys_other_threads(library_path: Path) -> None:
    """The file lock is shared by a library's threads: a sweep in one must not remove the temporary file
    another thread is writing under the lock."""
    in_flight = library_path / ".articles.json.abcd1234.tmp"
    with Library.open(library_path) as lib:
        with lib._files.writing():  # this thread is in the middle of a write
            in_flight.write_text("partial", encoding="utf-8")
            os.utime(in_flight, (time.time() - 60, time.time() - 60))
            sweeper = threading.Thread(
                target=lib._importer._check_importable
            )  # another thread starts an import
            sweeper.start()
            sweeper.join(timeout=1.0)
            assert in_flight.exists()
            in_flight.unlink()  # the write completes
        sweeper.join()
