"""Errors the library raises; every message is written for the user and names the file involved."""

from __future__ import annotations


class LibraryError(Exception):
    """Something about the library on disk prevents the operation; `str(error)` is the user message."""


class LibraryLocked(LibraryError):
    """Another process holds the library's write lock for too long."""


class LibraryCorrupt(LibraryError):
    """A library file cannot be read and could not be recovered from its backup."""


class LibraryReadOnly(LibraryError):
    """The library is open read-only (folder not writable, another window has it, or a newer schema)."""
