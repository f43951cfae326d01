"""The library on disk: articles, their analysis and the user's annotations, over TinyDB.

`store.library.Library` is the only code that touches TinyDB; `store.ingest` reads article files;
`store.records` holds the immutable records handed to the app; `store.errors` the user-facing errors.
"""

from store.errors import LibraryCorrupt, LibraryError, LibraryLocked, LibraryReadOnly

__all__ = ["LibraryCorrupt", "LibraryError", "LibraryLocked", "LibraryReadOnly"]
