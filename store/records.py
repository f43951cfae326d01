"""Records the store hands to the rest of the app: plain immutable dataclasses, no TinyDB types."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any, Literal, get_args

if TYPE_CHECKING:
    from extract.model import Fact


AnnotationKind = Literal["highlight", "note", "correction"]
ANNOTATION_KINDS: tuple[AnnotationKind, ...] = get_args(AnnotationKind)
ImportStatus = Literal["added", "updated", "present", "trashed", "failed"]


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What the article list needs: everything but the body."""

    id: str
    title: str
    published: date | None = None
    source: str | None = None
    url: str | None = None
    dateline: str | None = None
    author: str | None = None
    tags: tuple[str, ...] = ()
    path: str | None = None  # the file it was imported from
    read: bool = False
    starred: bool = False


class ArticleRow(ArticleMeta):
    """An `ArticleMeta` of the article list, made from its stored document and flags with only its id,
    read and starred; the other fields are read from the document the first time one of them is asked for
    (the list draws only the rows on screen).

    Equal to, and hashed as, the `ArticleMeta` with the same values; `dataclasses.replace` gives a
    complete one. `_doc` is the article's stored document and `_flags` what the row needs of its flags
    (None: none); neither may change afterwards.
    """

    __slots__ = ("_doc", "_flags")
    _doc: dict[str, Any]
    _flags: dict[str, Any] | None

    def __getattr__(self, name: str) -> Any:
        # Called only for a field not set yet (an unset slot): fill the lazy ones from the document.
        if name in _LAZY_FIELDS:
            put = object.__setattr__
            for field_name, value in zip(_META_FIELDS, _meta_values()(self._doc, self._flags), strict=True):
                put(self, field_name, value)
            return object.__getattribute__(self, name)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ArticleMeta):
            return _values(self) == _values(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(_values(self))

    def __repr__(self) -> str:
        return repr(ArticleMeta(*_values(self)))


_META_FIELDS = tuple(f.name for f in fields(ArticleMeta))
_LAZY_FIELDS = frozenset(_META_FIELDS) - {"id"}


@cache
def _meta_values() -> Callable[[dict[str, Any], dict[str, Any] | None], tuple[Any, ...]]:
    """`store.serialise.meta_values` (imported when first needed: serialise builds on this module)."""
    from store.serialise import meta_values

    return meta_values


def _values(meta: ArticleMeta) -> tuple[Any, ...]:
    """The field values in order: what the dataclass compares and hashes."""
    return tuple(getattr(meta, name) for name in _META_FIELDS)


@dataclass(frozen=True, slots=True)
class Article:
    """An article with its body text (the text that analysis offsets index)."""

    meta: ArticleMeta
    body: str


@dataclass(frozen=True, slots=True)
class ImportProblem:
    path: str
    message: str


@dataclass(slots=True)
class ImportReport:
    """Outcome of importing files: ids added, ids already present, files that failed, warnings.

    `updated`: articles re-imported from the same path or URL with changed text or metadata.
    `notes`: what the import inferred and the user should know (a date taken from a byline, ...).
    `trashed`: ids of deleted articles the files are copies of: not imported (`restore` brings them back).
    """

    added: list[str] = field(default_factory=list)
    present: list[str] = field(default_factory=list)
    failed: list[ImportProblem] = field(default_factory=list)
    warnings: list[ImportProblem] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    notes: list[ImportProblem] = field(default_factory=list)
    trashed: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


@dataclass(frozen=True, slots=True)
class ImportStep:
    """Progress of an import, reported once per file: `done` of `total` files handled so far.

    status: "added" | "updated" | "present" | "trashed" | "failed"; `message` says why a file failed.
    "trashed": the article is in the trash (deleted), so it was not imported again.
    """

    path: str
    done: int
    total: int
    status: ImportStatus
    article_id: str | None = None
    message: str | None = None


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """A fact joined with its article, ready for the timeline panel or `briefing timeline`."""

    article_id: str
    article_title: str
    fact: Fact
    source: str | None = None
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Annotation:
    """A user annotation anchored by offsets and by quote (TextQuoteSelector-style).

    kind: "highlight" | "note" | "correction". `orphaned` when its quote no longer matches the text.
    """

    id: str
    article_id: str
    kind: AnnotationKind
    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""
    color: str | None = None
    note: str | None = None
    correction: dict[str, str] | None = None  # {"type": "PERSON"} / {"type": "NONE"} / {"date": "2020-01-03"}
    created: str = ""
    orphaned: bool = False
