"""Expanding the paths given to `briefing import` into article files (folders are searched recursively).

Inside a folder, a symbolic link is followed only when it stays inside that folder: a link to a file
elsewhere (`x.md -> /etc/passwd`) is reported and not imported. Links to folders are not descended into.
A path named on the command line is the user's choice and is followed wherever it leads. A Briefing
Reader library met inside a folder (`briefing --library lib import .`) is not searched: its stored texts
are copies of articles already in a library, not new ones; it is named in a note.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from store.paths import holds_library
from store.records import ImportProblem

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm")


OUTSIDE_LINK = "is a link to a file outside the folder being imported; not followed"
LIBRARY_INSIDE = "is a Briefing Reader library (its stored copies of articles); not searched"


def _inside(path: Path, folder_real: str) -> bool:
    target = os.path.realpath(path)
    return os.path.commonpath([target, folder_real]) == folder_real


def _in_folder(folder: Path, libraries: list[ImportProblem]) -> tuple[list[Path], list[ImportProblem]]:
    found: list[Path] = []
    problems: list[ImportProblem] = []
    folder_real = os.path.realpath(folder)
    for root, dirs, files in os.walk(folder):
        if holds_library(root):
            dirs[:] = []
            libraries.append(ImportProblem(root, LIBRARY_INSIDE))
            continue
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or not name.lower().endswith(ARTICLE_SUFFIXES):
                continue
            path = Path(root) / name
            if path.is_symlink() and not _inside(path, folder_real):
                problems.append(ImportProblem(str(path), OUTSIDE_LINK))
            else:
                found.append(path)
    return found, problems


def discover(
    paths: Iterable[str | os.PathLike[str]], libraries: list[ImportProblem] | None = None
) -> tuple[list[Path], list[ImportProblem]]:
    """The article files named by `paths` (in order, each once) and a problem for each unusable path;
    each library folder met inside a folder and not searched is added to `libraries` (if given).

    A file named explicitly is taken whatever its extension; in folders only those with ARTICLE_SUFFIXES.
    """
    files: list[Path] = []
    problems: list[ImportProblem] = []
    seen: set[str] = set()
    met: list[ImportProblem] = [] if libraries is None else libraries
    for given in paths:
        path = Path(given).expanduser()
        if path.is_dir():
            before = len(met)
            found, skipped = _in_folder(path, met)
            problems.extend(skipped)
            if not found and not skipped and len(met) == before:
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
