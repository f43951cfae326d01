"""Records the store hands to the rest of the app: plain immutable dataclasses, no TinyDB types."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Literal, get_args

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
