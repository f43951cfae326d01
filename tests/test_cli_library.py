"""`briefing import / list / show` end to end, through a real subprocess."""

from __future__ import annotations

import ctypes
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from store.library import Library
from tests.store_support import article_text, write
from tests.terminal_support import briefing_on_a_terminal

ROOT = Path(__file__).resolve().parents[1]


def briefing(
    *args: str, env: dict[str, str] | None = None, preexec: Callable[[], None] | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "200", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "cli.main", *args],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=preexec,
    )


def test_import_twice_reports_already_present(library_path: Path, tmp_path: Path) -> None:
    src = tmp_path / "in"
    write(src, "a.md", article_text("Harbour", "Harbour text.", published="2021-01-05"))
    write(src, "nested/b.txt", "Grid\n\nGrid text.\n")
    first = briefing("--library", str(library_path), "import", str(src), "--no-analyze")
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines()[-1] == "2 added, 0 already present, 0 failed"
    assert [line.split()[0] for line in first.stdout.splitlines()[:-1]] == ["added", "added"]  # piped: plain
    second = briefing("import", str(src), "--no-analyze", env={"BRIEFING_LIBRARY": str(library_path)})
    assert second.returncode == 0
    assert second.stdout.splitlines()[-1] == "0 added, 2 already present, 0 failed"


def test_bad_inputs_fail_one_line_each_and_the_rest_is_imported(library_path: Path, tmp_path: Path) -> None:
    src = tmp_path / "in"
    write(src, "good.md", "Good one\n\nFine.\n")
    write(src, "empty.md", "")
    (src / "binary.md").write_bytes(b"\x00\x01\x02\x03")
    (src / "latin1.txt").write_bytes(b"Caf\xe9\n\ntext\n")
    write(src, "date.md", "---\npublished: 2021-02-30\n---\nT\n\nx\n")
    write(src, "keys.md", "---\ntitle: Keys\ncolour: blue\n---\nKeys\n\ntext\n")
    (src / "huge.md").write_bytes(b"T\n" + b"x" * (10 * 1024 * 1024))
    (tmp_path / "nothing").mkdir()
    result = briefing(
        "--library",
        str(library_path),
        "import",
        str(src),
        str(tmp_path / "nothing"),
        str(tmp_path / "gone.md"),
    )
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    named = sorted(Path(line.split(": ")[1]).name for line in errors)
    assert named == ["binary.md", "date.md", "empty.md", "gone.md", "huge.md", "latin1.txt", "nothing"]
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
    assert len(warnings) == 1 and "keys.md" in warnings[0] and "'colour'" in warnings[0]
    assert result.stdout.splitlines()[-1] == "2 added, 0 already present, 7 failed, 1 warning"
    listed = json.loads(briefing("--library", str(library_path), "list", "--json").stdout)
    assert sorted(a["title"] for a in listed) == ["Good one", "Keys"]


def test_list_and_show(library_path: Path, tmp_path: Path) -> None:
    hostile = "[bold red]Not markup[/] \x1b[31mred\x1b[0m"
    write(tmp_path, "a.md", f"{hostile}\n\nBody line one.\x07\nLine two.\n")
    write(tmp_path, "b.md", "Undated piece\n\nText.\n")
    imported = briefing(
        "--library", str(library_path), "import", str(tmp_path / "a.md"), str(tmp_path / "b.md")
    )
    assert imported.returncode == 0
    listed = json.loads(briefing("--library", str(library_path), "list", "--json").stdout)
    assert [a["title"] for a in listed] == ["[bold red]Not markup[/] [31mred[0m", "Undated piece"]
    plain = briefing("--library", str(library_path), "list")
    assert plain.returncode == 0 and "\x1b" not in plain.stdout
    assert "[bold red]Not markup[/]" in plain.stdout.splitlines()[0]
    shown = briefing("--library", str(library_path), "show", listed[0]["id"][:8])
    assert shown.returncode == 0
    assert "Title:     [bold red]Not markup[/] [31mred[0m" in shown.stdout
    assert "\x1b" not in shown.stdout and "\x07" not in shown.stdout
    assert "Body line one.\u2426\nLine two.\n\nAnnotations: none\n" in shown.stdout  # \x07 shown as ␦
    as_json = json.loads(briefing("--library", str(library_path), "show", listed[1]["id"], "--json").stdout)
    assert as_json["body"] == "Undated piece\n\nText.\n" and as_json["published"] is None


def test_errors_and_usage(library_path: Path) -> None:
    unknown = briefing("--library", str(library_path), "show", "ffff")
    assert unknown.returncode == 1 and "no article with id 'ffff'" in unknown.stderr
    usage = briefing("--library", str(library_path), "import")
    assert usage.returncode == 2
    empty = briefing("--library", str(library_path), "list")
    assert empty.returncode == 0 and "has no articles" in empty.stderr


def test_empty_library_argument_is_a_usage_error(tmp_path: Path) -> None:
    result = briefing("--library", "", "list", env={"HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path)})
    assert result.returncode == 2 and "--library: empty path" in result.stderr
    assert not list(tmp_path.iterdir())  # no default library was created


def test_an_empty_path_to_import_is_a_usage_error_not_this_folder(library_path: Path, tmp_path: Path) -> None:
    write(tmp_path, "private.txt", "Private notes\n\nMet Anna in Paris on 3 May 2021.\n")
    result = subprocess.run(
        [sys.executable, "-m", "cli.main", "--library", str(library_path), "import", "", "--no-analyze"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 2 and "PATH|URL: empty path" in result.stderr
    assert (
        not library_path.exists() or "private" not in briefing("--library", str(library_path), "list").stdout
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (a device that is always full)")
@pytest.mark.parametrize("command", [["list"], ["export", "--format", "json"], ["timeline", "--jsonl"]])
def test_output_that_cannot_be_written_is_one_error_line_not_a_traceback(
    library_path: Path, tmp_path: Path, command: list[str]
) -> None:
    write(
        tmp_path,
        "a.md",
        article_text("Harbour", "The port reopened on 3 March 2021.", published="2021-03-04"),
    )
    assert briefing("--library", str(library_path), "import", str(tmp_path / "a.md")).returncode == 0
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "cli.main", "--library", str(library_path), *command],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    assert result.returncode == 1
    assert "error: No space left on device (writing the output)" in result.stderr
    assert "Traceback" not in result.stderr


def test_damaged_library_file_is_reported_and_kept(library_path: Path, tmp_path: Path) -> None:
    write(tmp_path, "a.md", "One\n\nx\n")
    write(tmp_path, "b.md", "Two\n\ny\n")
    briefing("--library", str(library_path), "import", str(tmp_path / "a.md"))
    briefing("--library", str(library_path), "import", str(tmp_path / "b.md"))
    (library_path / "articles.json").write_text("{ this is not json")
    result = briefing("--library", str(library_path), "list")
    assert result.returncode == 0
    assert "articles.json could not be read" in result.stderr and "corrupt-" in result.stderr
    assert "One" in result.stdout and "Two" not in result.stdout  # the backup: one import earlier
    assert next(library_path.glob("articles.json.corrupt-*")).read_text() == "{ this is not json"


def _without_permission_override() -> None:
    """In the child, before exec: drop root's power to ignore file permissions (CAP_DAC_OVERRIDE and
    CAP_DAC_READ_SEARCH leave the capability bounding set), so a 0555 folder is read-only for it too."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def test_read_only_library_folder(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    src = write(tmp_path, "a.md", "Readable\n\ntext\n")
    with Library.open(folder, import_samples=False) as lib:
        lib.import_paths([src], analyze=False)
    everything = [folder, *folder.rglob("*")]
    for path in everything:
        path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
        preexec = _without_permission_override if os.geteuid() == 0 else None
        listed = briefing("--library", str(folder), "list", preexec=preexec)
        assert listed.returncode == 0 and "Readable" in listed.stdout
        assert "not writable" in listed.stderr and "read-only" in listed.stderr
        imported = briefing("--library", str(folder), "import", str(src), preexec=preexec)
        assert imported.returncode == 1 and "nothing was imported" in imported.stderr
        assert {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before
    finally:
        for path in everything:
            path.chmod(0o755 if path.is_dir() else 0o644)


def test_import_on_a_terminal_shows_a_progress_bar(library_path: Path, tmp_path: Path) -> None:
    for i in range(3):
        write(tmp_path / "in", f"{i}.md", f"Piece {i}\n\nText {i}.\n")
    write(tmp_path / "in", "bad.md", "")
    status, shown = briefing_on_a_terminal(
        "--library", str(library_path), "import", str(tmp_path / "in"), "--no-analyze"
    )
    assert status == 1
    assert "Importing" in shown and "4/4" in shown  # Rich's bar with counts
    assert "bad.md: is empty" in shown
    assert "3 added, 0 already present, 1 failed" in shown
    assert "added    " not in shown  # not the plain per-file lines of a pipe
