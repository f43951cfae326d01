"""Regular expressions of the figure layer compiled on first use rather than at import.

Compiling them all costs ~60 ms, paid by every command that imports `extract` even when it never looks
for a figure. A `LazyPattern` compiles once, at its first match; compiling is deterministic, so the
result (and every match) is exactly what `re.compile` at import gave, and two threads that race on the
first use only compile an equal pattern twice. Once compiled, the pattern's own methods are put on the
instance, so later calls go straight to them (the figure layer makes about 50,000 calls per 400 KB).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator


class LazyPattern:
    """`re.compile(source, flags)`, deferred; offers the `re.Pattern` methods the figure layer uses."""

    __slots__ = ("__dict__", "_compiled", "flags", "source")  # __dict__: the compiled methods, once made

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source = source
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        pattern = self._compiled
        if pattern is None:
            pattern = self._compiled = re.compile(self.source, self.flags)
            for name in _METHODS:  # instance attributes come before these class methods from now on
                setattr(self, name, getattr(pattern, name))
        return pattern

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return (self._compiled or self.compiled).match(string, pos, endpos)

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return (self._compiled or self.compiled).search(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return (self._compiled or self.compiled).fullmatch(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return (self._compiled or self.compiled).finditer(string, pos, endpos)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return (self._compiled or self.compiled).sub(repl, string, count)


_METHODS = ("match", "search", "fullmatch", "finditer", "sub")
