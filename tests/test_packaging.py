"""`pip install .` (a wheel, not editable) gives a working `briefing` with its bundled samples, from any
folder. Slow-ish (builds a wheel and a virtual environment, about 15 s); offline: the wheel is installed
without dependencies, which the new environment borrows from this one through a .pth line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted(p.name for p in (ROOT / "sample_articles").iterdir())
_SKIP = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis", "tests"
)


def _run(*args: str | Path, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "BRIEFING_LIBRARY")}
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="POSIX venv layout")
def test_a_wheel_install_lists_the_bundled_samples_from_another_folder(tmp_path: Path) -> None:
    source = tmp_path / "src"
    shutil.copytree(ROOT, source, ignore=_SKIP, symlinks=True)  # store/samples stays a link, as in git
    built = _run(
        sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", tmp_path / "dist", source, cwd=tmp_path
    )
    if built.returncode != 0 and "No matching distribution" in built.stdout + built.stderr:
        pytest.skip("the build backend (setuptools) is not available offline")
    assert built.returncode == 0, built.stderr[-2000:]
    (wheel,) = (tmp_path / "dist").glob("briefing_reader-*.whl")

    venv = tmp_path / "venv"
    made = _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    installed = _run(
        sys.executable,
        "-m",
        "pip",
        "--python",
        python,
        "install",
        "--no-index",
        "--no-deps",
        wheel,
        cwd=tmp_path,
    )
    assert installed.returncode == 0, installed.stderr[-2000:]
    site = Path(
        _run(
            python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=tmp_path
        ).stdout.strip()
    )
    # Dependencies from this environment, after the wheel's own packages (a plain path: the editable
    # install's finder in this environment is not loaded).
    (site / "zz_test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = _run(
        python, "-c", "import store.paths as p; print(p.__file__); print(p.samples_dir())", cwd=elsewhere
    )
    module, samples = where.stdout.split()
    assert Path(module).is_relative_to(venv) and Path(samples).is_relative_to(venv), where.stdout
    assert sorted(os.listdir(samples)) == SAMPLES

    listed = _run(venv / "bin" / "briefing", "--library", tmp_path / "lib", "list", cwd=elsewhere)
    assert listed.returncode == 0, listed.stderr
    assert len(listed.stdout.splitlines()) == len(SAMPLES) == 16
    assert "imported 16 sample briefings" in listed.stderr
