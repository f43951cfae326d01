"""Crash safety: a process that annotates and is killed (SIGKILL) right after the save returns loses nothing;
the library reopens intact, writable, with the annotation present."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from store.library import Library
from tests.export_support import HIGHLIGHT, span, user_article_id

ROOT = Path(__file__).resolve().parent.parent
CHILD = """
import sys, time
from store.library import Library
from tests.export_support import HIGHLIGHT, span
library = Library.open(sys.argv[1], import_samples=False)
body = library.article(sys.argv[2]).body
first = library.add_annotation(sys.argv[2], *span(body, HIGHLIGHT), "note", note="written before the crash")
library.set_starred(sys.argv[2], True)
second = library.add_annotation(sys.argv[2], 0, 10, "highlight", color="red")
print("saved", first.id, second.id, flush=True)
time.sleep(120)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_annotation_survives_sigkill_right_after_saving(tmp_path: Path) -> None:
    folder = tmp_path / "library"
    with Library.open(folder) as library:  # the sample library
        aid = user_article_id(library)
        articles_before = [m.id for m in library.articles()]

    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(folder), aid],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.startswith("saved "), child.stderr.read() if child.stderr else line
        os.kill(child.pid, signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    first_id, second_id = line.split()[1:]

    with Library.open(folder) as library:
        assert library.notices == []  # no corrupt file restored, no read-only fallback
        assert not library.read_only
        assert [m.id for m in library.articles()] == articles_before
        assert library.article(aid).meta.starred
        found = {a.id: a for a in library.annotations(aid)}
        assert set(found) == {first_id, second_id}
        body = library.article(aid).body
        assert (found[first_id].start, found[first_id].end) == span(body, HIGHLIGHT)
        assert found[first_id].note == "written before the crash"
        assert found[second_id].color == "red"
        # Still writable: the dead process's lock is gone.
        library.remove_annotation(second_id)
        assert [a.id for a in library.annotations(aid)] == [first_id]
