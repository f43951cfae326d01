"""`briefing` without a subcommand: open the library and run the reader app.

A library that cannot be opened (locked, corrupt, unreadable) gives one clear line on stderr and exit 1.
The library's notices (opened read-only, restored from backup, ...) are shown inside the app.
"""

from __future__ import annotations

import argparse
import sys

from store.errors import LibraryError
from store.paths import resolve_library_path


def launch(args: argparse.Namespace) -> int:
    from store.library import Library

    path = resolve_library_path(getattr(args, "library", None))
    try:
        library = Library.open(path, session=True)
    except LibraryError as error:
        print(f"briefing: {error}", file=sys.stderr)
        return 1
    from tui.app import BriefingApp

    with library:
        BriefingApp(library).run()
    return 0
