"""The library on disk: articles, their analysis and the user's annotations, over TinyDB.

`store.library.Library` is the one object the app and the commands use (a facade over the store's parts,
listed in its docstring); only the store touches TinyDB; `store.ingest` reads article files;
`store.records` holds the immutable records handed to the app; `store.errors` the user-facing errors.
"""

from store.errors import LibraryCorrupt, LibraryError, LibraryLocked, LibraryReadOnly

__all__ = ["LibraryCorrupt", "LibraryError", "LibraryLocked", "LibraryReadOnly"]
