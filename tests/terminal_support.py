"""Running `briefing` on a pseudo-terminal, as a user at a terminal would (progress bars, colours)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def briefing_on_a_terminal(*args: str) -> tuple[int, str]:
    """Run `briefing ARGS` with its output on a 160-column pseudo-terminal; its exit status and what it
    showed there. Skips the test where the platform has no pseudo-terminals."""
    pty = pytest.importorskip("pty")
    primary, secondary = pty.openpty()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "160", "TERM": "xterm"}
    command = [sys.executable, "-m", "cli.main", *args]
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=secondary, stderr=secondary)
    os.close(secondary)
    chunks = []
    while True:
        try:
            data = os.read(primary, 4096)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(primary)
    return proc.wait(timeout=120), b"".join(chunks).decode("utf-8", "replace")
