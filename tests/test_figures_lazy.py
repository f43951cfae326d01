"""The figure layer's regular expressions compile on first use, and behave exactly as `re.compile`."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from extract.figures.lazy import LazyPattern

ROOT = Path(__file__).resolve().parents[1]

CASES = [
    (r"\d+(?:\.\d+)?", 0, "about 3.5 million, then 12 and 7"),
    (r"(?i:per\s+cent)|%", 0, "40 Per  cent, or 40%"),
    (r"\b(a|an)\b", re.I, "An apple and a pear"),
    (r"$", 0, "ends here\n"),
]


@pytest.mark.parametrize(("source", "flags", "text"), CASES)
def test_lazy_pattern_matches_like_re_compile(source: str, flags: int, text: str) -> None:
    lazy, eager = LazyPattern(source, flags), re.compile(source, flags)

    def spans(m: re.Match[str] | None) -> tuple[int, int] | None:
        return m.span() if m else None

    for pos in range(len(text) + 1):
        assert spans(lazy.match(text, pos)) == spans(eager.match(text, pos))
        assert spans(lazy.search(text, pos)) == spans(eager.search(text, pos))
        assert spans(lazy.search(text, 0, pos)) == spans(eager.search(text, 0, pos))
        assert spans(lazy.fullmatch(text, pos)) == spans(eager.fullmatch(text, pos))
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert lazy.sub("#", text) == eager.sub("#", text)
    assert lazy.sub(lambda m: m.group().upper(), text, 1) == eager.sub(lambda m: m.group().upper(), text, 1)
    assert lazy.compiled is lazy.compiled  # compiled once


def test_importing_the_analysis_engine_compiles_no_figure_pattern() -> None:
    code = (
        "import extract\n"
        "from extract.figures import context, find, patterns, spelled\n"
        "from extract.figures.lazy import LazyPattern\n"
        "lazy = [p for m in (context, find, patterns, spelled) for p in vars(m).values()"
        " if isinstance(p, LazyPattern)]\n"
        "before = sum(p._compiled is not None for p in lazy)\n"
        "extract.analyze('Turnout was 41 percent, up from about 3,000 voters.', None)\n"
        "print(len(lazy), before, sum(p._compiled is not None for p in lazy))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    total, before, after = map(int, done.stdout.split())
    assert total > 50 and before == 0 and after > 0
