"""The library code of an earlier revision beside this work tree's, each run in fresh processes.

Absolute times on a shared machine move with the load; the same measurement made by turns with this work
tree's `store` and with `git archive REV store` (the rest, `extract` included, from this work tree) gives
a ratio that means something. A benchmark script runs itself as the child (`child_command`), with
`BENCH_CODE` naming the folder whose `store` it must import; `code_path()` puts that folder first.

Children keep their compiled modules (`with_bytecode_cache`), as an installed `briefing` does: Python
caches them in `__pycache__` by default, but some machines (this project's CI sandbox among them) set
PYTHONDONTWRITEBYTECODE, under which every fresh process compiles each of our modules again (0.1-0.4 s of
CPU per process). The scripts' `--no-bytecode-cache` measures that way instead.
"""

from __future__ import annotations

import compileall
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


def with_bytecode_cache(env: dict[str, str], cache: Path | None) -> dict[str, str]:
    """`env` with compiled modules kept in the folder `cache` (PYTHONPYCACHEPREFIX, the cache allowed
    even where PYTHONDONTWRITEBYTECODE is set); None: `env` as it is."""
    env = dict(env)
    if cache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(cache)
    return env


def precompile(folders: list[Path], cache: Path) -> None:
    """Compile the project's packages under each folder into `cache` before anything is timed, so that
    the first measured process does not pay for it either."""
    previous = sys.pycache_prefix
    sys.pycache_prefix = str(cache)
    try:
        for folder in folders:
            for package in ("extract", "store", "cli", "tui"):
                if (folder / package).is_dir():
                    compileall.compile_dir(folder / package, quiet=1)
    finally:
        sys.pycache_prefix = previous


def bytecode_note(cache: Path | None) -> str:
    """How the children got their compiled modules, for the report."""
    if cache is not None:
        return "modules compiled once, as an installed app keeps them"
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        return "every module of ours compiled again in each process (PYTHONDONTWRITEBYTECODE)"
    return "modules compiled as Python caches them"


def run_child(script: Path, code: Path, args: list[str], cache: Path | None = None) -> Any:
    """Run `python SCRIPT ARGS` with `code`'s store (compiled modules kept in `cache`, see
    `with_bytecode_cache`); the JSON it prints last."""
    env = with_bytecode_cache({**os.environ, "BENCH_CODE": str(code)}, cache)
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
