"""Errors the library raises; every message is written for the user and names the file involved."""

from __future__ import annotations

import errno


class LibraryError(Exception):
    """Something about the library on disk prevents the operation; `str(error)` is the user message."""


class LibraryLocked(LibraryError):
    """Another process holds the library's write lock for too long."""


class LibraryCorrupt(LibraryError):
    """A library file cannot be read and could not be recovered from its backup."""


class LibraryReadOnly(LibraryError):
    """The library is open read-only (folder not writable, another window has it, or a newer schema)."""


class Gone(KeyError):
    """An article, annotation or deleted article asked for by its full id is not there (another command
    deleted, restored or removed it meanwhile); `args[0]` is the id. A KeyError, as before it had a name."""


class ArticleNotMoved(LibraryError):
    """One article of a delete or restore cannot move (`article_id`); the articles move as one change,
    so none of them did."""

    def __init__(self, message: str, article_id: str) -> None:
        super().__init__(message)
        self.article_id = article_id


QUOTE_CHARS = 80  # the longest piece of input a message quotes


def quote_input(value: object, limit: int = QUOTE_CHARS) -> str:
    """`repr` of a piece of input for a one-line message, cut to about `limit` characters with an ellipsis,
    so a huge or hostile value never makes a huge message."""
    text = value if isinstance(value, str) else str(value)
    if len(text) > limit:
        return repr(text[: limit - 1]) + "…"
    return repr(text)


def save_error(what: str, exc: OSError) -> LibraryError:
    """The error for a failed write of `what` (a file or "article text to FILE"): a full disk and an I/O
    error said plainly; the caller has left the library as it was."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        reason = "the disk is full (free some space and try again)"
    elif exc.errno == errno.EIO:
        reason = "input/output error (the disk or its connection may be failing)"
    else:
        reason = exc.strerror or str(exc)
    return LibraryError(f"could not save {what}: {reason}; the library was left as it was")
