"""The library code of an earlier revision beside this work tree's, each run in fresh processes.

Absolute times on a shared machine move with the load; the same measurement made by turns with this work
tree's `store` and with `git archive REV store` (the rest, `extract` included, from this work tree) gives
a ratio that means something. A benchmark script runs itself as the child (`child_command`), with
`BENCH_CODE` naming the folder whose `store` it must import; `code_path()` puts that folder first.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BASELINE = "14a84cb"  # the store before orjson, lazy rows and grouped analysis writes


def code_path() -> Path:
    """Put the code to measure first on sys.path (BENCH_CODE, else this work tree) and return it."""
    code = Path(os.environ.get("BENCH_CODE") or ROOT)
    for folder in (ROOT, code):  # ROOT for `extract`; the measured `store` first
        sys.path.insert(0, str(folder))
    return code


def unpack_store(rev: str, into: Path) -> Path:
    """`git archive REV store` unpacked into `into`; returns `into`."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", rev, "store"], check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def run_child(script: Path, code: Path, args: list[str]) -> Any:
    """Run `python SCRIPT ARGS` with `code`'s store; the JSON it prints last."""
    env = {**os.environ, "BENCH_CODE": str(code)}
    done = subprocess.run(
        [sys.executable, str(script), *args], env=env, cwd=code, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise RuntimeError(f"{script.name} {' '.join(args)} with {code} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def load_average() -> str:
    try:
        one, five, _ = os.getloadavg()
    except OSError:
        return "unknown"
    return f"{one:.1f} (5 min: {five:.1f})"
