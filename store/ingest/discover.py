"""Expanding the paths given to `briefing import` into article files (folders are searched recursively)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from store.records import ImportProblem

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm")


def _in_folder(folder: Path) -> list[Path]:
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(
            Path(root) / name
            for name in sorted(files)
            if not name.startswith(".") and name.lower().endswith(ARTICLE_SUFFIXES)
        )
    return found


def discover(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[Path], list[ImportProblem]]:
    """The article files named by `paths` (in order, each once) and a problem for each unusable path.

    A file named explicitly is taken whatever its extension; in folders only those with ARTICLE_SUFFIXES.
    """
    files: list[Path] = []
    problems: list[ImportProblem] = []
    seen: set[str] = set()
    for given in paths:
        path = Path(given).expanduser()
        if path.is_dir():
            found = _in_folder(path)
            if not found:
                suffixes = ", ".join(ARTICLE_SUFFIXES)
                problems.append(ImportProblem(str(path), f"folder has no article files ({suffixes})"))
        elif path.is_file():
            found = [path]
        elif path.exists():
            problems.append(ImportProblem(str(path), "not a regular file or folder"))
            continue
        else:
            problems.append(ImportProblem(str(path), "no such file or folder"))
            continue
        for file in found:
            key = os.path.realpath(file)
            if key not in seen:
                seen.add(key)
                files.append(file)
    return files, problems
