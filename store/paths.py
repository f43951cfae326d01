"""Where things live: the library folder (argument, environment, platform default) and the bundled samples."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import platformdirs

LIBRARY_ENV = "BRIEFING_LIBRARY"
APP_NAME = "briefing-reader"

# Names that only a library folder holds (any one, damaged files' backups included, marks a library).
LIBRARY_MARKERS = (
    "meta.json",
    "meta.json.bak",
    "articles.json",
    "articles.json.bak",
    "bodies",
    ".write.lock",
)


def holds_library(folder: str | os.PathLike[str]) -> bool:
    """True when `folder` is a Briefing Reader library: its stored texts (`bodies/`) beside its metadata."""
    path = Path(folder)
    if not (path / "bodies").is_dir():
        return False
    return any((path / name).is_file() for name in LIBRARY_MARKERS if name.endswith((".json", ".bak")))


def default_library_path() -> Path:
    """The platform's per-user data folder for Briefing Reader (e.g. ~/.local/share/briefing-reader)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "library"


def resolve_library_path(path: str | os.PathLike[str] | None = None) -> Path:
    """The library folder: `path` if given, else $BRIEFING_LIBRARY, else the platform default."""
    if path is None or str(path) == "":
        env = os.environ.get(LIBRARY_ENV, "").strip()
        chosen = Path(env) if env else default_library_path()
    else:
        chosen = Path(path)
    return Path(os.path.abspath(chosen.expanduser()))


def samples_dir() -> Path:
    """The bundled sample briefings: package data `store/samples` (in the source tree a link to the
    top-level `sample_articles/`, copied into wheels), read through importlib.resources."""
    bundled = resources.files("store") / "samples"
    if isinstance(bundled, Path) and bundled.is_dir():
        return bundled.resolve()  # in the source tree: sample_articles/ itself, as the stored paths say
    # A checkout where the link is not a folder (e.g. Windows without symbolic links): the source tree.
    return Path(__file__).resolve().parents[1] / "sample_articles"
