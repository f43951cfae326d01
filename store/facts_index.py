"""The facts index: what whole-library questions (the timeline, exports) need from each article's analysis,
kept apart from the analyses so that they never load one.

`facts/<3 hex>.json` (TinyDB, table `entries`, 4096 shards by article id) holds one entry per analysed
article: the key of the analysis it mirrors (analyzer version, text, publication date, corrections
fingerprint), its facts (`extract.model.fact_to_dict` form; each bounded excerpt, offsets and dates), the
case-folded entity names of each fact's sentence, the article's name table (every mention and canonical
name, case-folded -> canonical) and its figures with the sentence around each (for key figures): all of
them as one JSON text (`figure_rows` reads it: only an export with highlights or narrowed facts needs
them, and 244,000 small arrays at 10,000 articles were a third of reading the index), and apart, as
arrays, the first key figures an export takes when there is neither (`first_figures`: the exports' rule,
kept here because the index stores what it picks; FORMAT is bumped when it changes).

- Written with the analysis, in the same journaled commit (`change`, called by `store.analyses`).
- Trusted only when its key is the article's current key: a missing, damaged, stale or older-format
  entry is made again from the article's analysis (computed if needed, as any reader would) and saved,
  one write per shard (kept in memory only when the library is read-only). `seen` records the library's
  corrections when the entry was checked, so an unchanged set of corrections needs no text to be read;
  `size` is the length of the analysis file it mirrors: a file changed, damaged or gone since (one stat
  per article tells) is read again through the analysis cache, which recomputes it if it must; `text` is
  the size and modification time of the article's text file when it was last read and found intact, so
  an unchanged text file is not read again (a changed one is, and one that is gone or damaged leaves
  the article out, with a notice, as before).
- Entries of deleted articles stay (like their analyses), so a restore needs nothing rebuilt; every
  question starts from the articles in the library.
- `BRIEFING_NO_FACTS_INDEX=1` makes questions read the analyses instead (for benchmarks and checks).
"""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from store import fastjson
from store.bodies import read_bytes
from store.errors import LibraryError
from store.ids import doc_id, shard
from store.storage import NotTinyDB, dump_tinydb, parse_tinydb

if TYPE_CHECKING:
    from extract.corrections import Corrections
    from store.analyses import Analyses
    from store.tinyfile import Tables, TinyFile

FOLDER = "facts"
TABLE = "entries"
FORMAT = 2  # bumped when the entry layout changes: entries of another format are made again

# An article's first key figures (store/export/selection.py): definite figures of these kinds, no cardinal
# count below SMALL_COUNT ("two provinces", "four are missing": context, not key figures), the first
# FIGURES_PER_ARTICLE of them in the text (the lede carries the news), each once.
KEY_FIGURE_KINDS = frozenset({"cardinal", "percent", "money", "fraction", "quantity"})
SMALL_COUNT = 10
FIGURES_PER_ARTICLE = 8
SHARD_DIGITS = 3
BYPASS_ENV = "BRIEFING_NO_FACTS_INDEX"

Entry = dict[str, Any]
FigureRow = list[Any]  # start, end, text, value, kind, unit, qualifier, sentence start and end


class PackedEntry(NamedTuple):
    """An entry made in another process as its JSON text around the two fields the writer fills
    (`FactsIndex.entry_changes`): the entry's bytes are `head`, its `seen`, `rest`, its `text` and "}"."""

    head: bytes  # '{"id":…,"format":…,"key":{…},"seen":'
    rest: bytes  # ',"size":…,"names":{…},"facts":[…],"keys":[…],"figures":[…],"text":'
    body: str  # the key of the article's text (for its signature, `text`)


def packed_entry(entry: Entry, plain: bool) -> PackedEntry:
    """`entry` (`make_entry`'s, without `text`) packed, its fields in their order; `plain`: its values
    are known to be of the kinds `store.fastjson.dumps_plain` takes (checked in the analysis file)."""
    dump = fastjson.dumps_plain if plain else fastjson.dumps
    names = list(entry)
    cut = names.index("seen")
    head = dump({name: entry[name] for name in names[:cut]})
    rest = dump({name: entry[name] for name in names[cut + 1 :]})
    return PackedEntry(head[:-1] + b',"seen":', b"," + rest[1:-1] + b',"text":', entry["key"]["body"])


def _tables_json(tables: Tables) -> bytes:
    """`dump_tinydb(tables)` where a document may already be its bytes (the same, piece by piece: compact
    JSON of an object is its members' JSON joined by commas)."""
    dumps = fastjson.dumps
    members = []
    for name, docs in tables.items():
        items = b",".join(
            dumps(key) + b":" + (doc if isinstance(doc, bytes) else dumps(doc)) for key, doc in docs.items()
        )
        members.append(dumps(name) + b":{" + items + b"}")
    return b"{" + b",".join(members) + b"}"


def index_shard(article_id: str) -> str:
    return article_id[:SHARD_DIGITS]


def bypassed() -> bool:
    """Whether questions should read the analyses instead of the index (`BRIEFING_NO_FACTS_INDEX=1`)."""
    return os.environ.get(BYPASS_ENV, "") not in ("", "0")


def corrections_fingerprint(corrections: Corrections) -> str:
    """The fingerprint of a set of corrections (the `corrections` part of an analysis key)."""
    return hashlib.sha256(
        json.dumps([corrections.entity_types, corrections.date_values], sort_keys=True).encode()
    ).hexdigest()[:16]


def _sentence_keys(entities: list[dict[str, Any]]) -> tuple[list[int], list[tuple[int, str]]]:
    ordered = sorted(entities, key=lambda e: e["start"])
    return [e["start"] for e in ordered], [(e["end"], e["canonical"].casefold()) for e in ordered]


def make_entry(
    article_id: str, key: dict[str, Any], data: dict[str, Any], seen: str, size: int | None
) -> Entry:
    """The entry of an analysis in its stored form (`Analysis.to_dict()`, facts included); `size`: the
    length of the analysis file it mirrors (None: there is none)."""
    entities = data.get("entities", [])
    starts, items = _sentence_keys(entities)
    facts = data.get("facts", [])
    keys = []
    for fact in facts:  # as store.timeline.entity_keys: the entities inside the fact's sentence
        sentence = fact["sentence"]
        lo = bisect.bisect_left(starts, sentence["start"])
        hi = bisect.bisect_right(starts, sentence["end"])
        keys.append(sorted({name for stop, name in items[lo:hi] if stop <= sentence["end"]}))
    names: dict[str, str] = {}
    for entity in entities:  # as store.timeline.aliases
        canonical = entity["canonical"].casefold()
        names[canonical] = canonical
        names.setdefault(entity["text"].casefold(), canonical)
    sentences = data.get("sentences", [])
    sentence_starts = [s["start"] for s in sentences]
    figures = []
    for figure in data.get("figures", []):
        n = bisect.bisect_right(sentence_starts, figure["start"]) - 1
        around = sentences[n] if n >= 0 and figure["start"] < sentences[n]["end"] else None
        figures.append(
            [
                figure["start"],
                figure["end"],
                figure["text"],
                figure["value"],
                figure["kind"],
                figure.get("unit"),
                figure.get("qualifier"),
                around["start"] if around else None,
                around["end"] if around else None,
            ]
        )
    return {
        "id": article_id,
        "format": FORMAT,
        "key": key,
        "seen": seen,
        "size": size,
        "names": names,
        "facts": facts,
        "keys": keys,
        "figures": fastjson.dumps(figures).decode("utf-8"),
        "firsts": first_figures(figures),
    }


def first_figures(rows: list[FigureRow]) -> list[FigureRow]:
    """The rows of an article's first key figures (see KEY_FIGURE_KINDS), in text order; a figure is its
    text with its spaces made single and case-folded, and its value (a headline figure repeated in the
    lede is one figure)."""
    kinds = KEY_FIGURE_KINDS
    chosen: list[FigureRow] = []
    seen: set[tuple[str, float | None]] = set()
    for row in rows:
        kind = row[4]
        if kind not in kinds:
            continue
        value = row[3]
        if kind == "cardinal" and value is not None and abs(value) < SMALL_COUNT:
            continue
        key = (" ".join(row[2].split()).casefold(), value)
        if key in seen:
            continue
        seen.add(key)
        chosen.append(row)
        if len(chosen) == FIGURES_PER_ARTICLE:
            break
    return chosen


def figure_rows(entry: Entry) -> list[FigureRow]:
    """Every figure row of an entry (start, end, text, value, kind, unit, qualifier, sentence start and
    end), in text order."""
    rows: list[FigureRow] = fastjson.loads(entry["figures"].encode("utf-8"))
    return rows


def _size(path: str) -> int | None:
    try:
        return os.stat(path).st_size
    except OSError:
        return None


def entry_figures(entry: Entry) -> Iterator[tuple[dict[str, Any], tuple[int, int] | None]]:
    """The figures of an entry as `record_to_dict` fields (no `high`), each with its sentence's span."""
    for start, end, text, value, kind, unit, qualifier, s_start, s_end in figure_rows(entry):
        figure = {
            "start": start,
            "end": end,
            "text": text,
            "value": value,
            "kind": kind,
            "unit": unit,
            "qualifier": qualifier,
        }
        yield figure, (s_start, s_end) if s_start is not None else None


class FactsIndex:
    """The facts index of one library (see the module docstring)."""

    def __init__(self, analyses: Analyses) -> None:
        self.analyses = analyses
        self.files = analyses.files
        self._memory: dict[str, Entry] = {}  # entries made while read-only (or unsaved), by article id
        self._analysis_folder = str(self.files.path / "analysis")
        self._bodies_folder = str(self.files.bodies.folder)
        self._index_folder = str(self.files.path / FOLDER)

    # -- writing --------------------------------------------------------------------------------------------
    def _shard_file(self, key: str) -> TinyFile:
        path = self.files.path / FOLDER / f"{key}.json"

        def damaged(message: str) -> None:
            self.files.notice_once(
                f"The facts index file {FOLDER}/{key}.json was damaged; its entries are made again from the "
                "stored analyses."
            )

        return self.files.new_file(path, keep_backup=False, notice=damaged)  # derived data: rebuilt if lost

    def _read(self, tiny: TinyFile) -> dict[str, Any]:
        """The shard's entries by doc id ({} if it is missing or cannot be read)."""
        try:
            return tiny.raw(TABLE)
        except LibraryError:  # damaged and read-only, or unreadable: entries are made again
            return {}

    def _quick_read(self, key: str) -> dict[str, Any]:
        """`_read` of shard `key` for a question: its bytes parsed and checked as TinyDB's layout
        (`store.storage.parse_tinydb`) without making a TinyDB file; a file that is missing or not
        intact takes `_read`'s way (restored, moved aside and told, as before)."""
        try:
            tables = parse_tinydb(read_bytes(os.path.join(self._index_folder, key + ".json")))
        except (OSError, NotTinyDB):
            return self._read(self._shard_file(key))
        table = tables.get(TABLE, {})
        return table if isinstance(table, dict) else self._read(self._shard_file(key))

    def changes(
        self, analyses: Iterable[tuple[str, dict[str, Any], dict[str, Any], list[Any], Tables]]
    ) -> list[tuple[TinyFile, Tables | bytes]]:
        """The new content of the shards holding the entries of these analyses (article id, key, the
        analysis's `to_dict()` form without its facts, the facts, the analysis file's tables): to be
        committed with the analysis files, under the write lock."""
        return self.entry_changes(
            (article_id, make_entry(article_id, key, {**data, "facts": facts}, "", len(dump_tinydb(tables))))
            for article_id, key, data, facts, tables in analyses
        )

    def entry_changes(
        self, entries: Iterable[tuple[str, Entry | PackedEntry]]
    ) -> list[tuple[TinyFile, Tables | bytes]]:
        """`changes` of entries already made (`make_entry`, perhaps in another process, with the size of
        the analysis file written with them); their `seen` and `text` are set here. A shard given a
        `PackedEntry` is written as its bytes, made without reading that entry back."""
        seen = self._seen()
        seen_json = fastjson.dumps(seen)
        by_shard: dict[str, dict[int, Entry | bytes]] = {}
        for article_id, entry in entries:
            if isinstance(entry, PackedEntry):
                text = fastjson.dumps(self._text_signature(entry.body))
                made: Entry | bytes = entry.head + seen_json + entry.rest + text + b"}"
            else:
                entry["seen"] = seen
                entry["text"] = self._text_signature(entry["key"]["body"])
                made = entry
            by_shard.setdefault(index_shard(article_id), {})[doc_id(article_id)] = made
            self._memory.pop(article_id, None)
        found: list[tuple[TinyFile, Tables | bytes]] = []
        for name, docs in by_shard.items():
            tiny = self._shard_file(name)
            with contextlib.suppress(LibraryError):
                tiny.raw(TABLE)  # a damaged shard is moved aside now, not overwritten unread
            if not any(isinstance(doc, bytes) for doc in docs.values()):
                found.append((tiny, tiny.with_docs(TABLE, docs)))  # type: ignore[arg-type]  # no bytes
                continue
            tables = dict(tiny.storage.read() or {})  # as `with_docs`, a document being its bytes
            table = dict(tables.get(TABLE, {}))
            for did, doc in docs.items():
                table[str(did)] = doc
            tables[TABLE] = table
            found.append((tiny, _tables_json(tables)))
        return found

    def _save(self, key: str, entries: dict[str, Entry]) -> None:
        """Put these entries into shard `key` (one write); kept in memory when that is not possible."""
        if self.files.read_only:
            self._memory.update(entries)
            return
        try:
            with self.files.writing():
                tiny = self._shard_file(key)
                current = self._read(tiny)
                docs = {doc_id(aid): e for aid, e in entries.items() if current.get(str(doc_id(aid))) != e}
                if docs:
                    tiny.put_docs(TABLE, docs)
        except LibraryError:  # locked, full disk, read-only meanwhile: the entries are right in memory
            self._memory.update(entries)
            return
        for aid in entries:
            self._memory.pop(aid, None)

    # -- reading --------------------------------------------------------------------------------------------
    def _text_signature(self, body_key: str) -> list[int] | None:
        """The size and modification time of an article's text file (None: there is none)."""
        try:  # the path as a string built at once (os.path.join costs more than the stat at 10,000)
            st = os.stat(f"{self._bodies_folder}{os.sep}{body_key[:2]}{os.sep}{body_key}.txt")
        except OSError:
            return None
        return [st.st_size, st.st_mtime_ns]

    def _analysis_path(self, article_id: str) -> str:
        return f"{self._analysis_folder}{os.sep}{shard(article_id)}{os.sep}{article_id}.json"

    def _seen(self) -> str:
        return corrections_fingerprint(self.analyses.annotations.corrections())

    def entries(self, docs: Iterable[dict[str, Any]]) -> Iterator[tuple[str, Entry]]:
        """The current entry of each article (`docs`: metadata documents), shard by shard; an article
        whose text cannot be read is left out (`store.articles.ArticleTextMissing`, told once)."""
        with self.analyses.annotations.snapshot():  # the corrections read once for the whole pass
            yield from self._entries(docs)

    def _entries(self, docs: Iterable[dict[str, Any]]) -> Iterator[tuple[str, Entry]]:
        from store.articles import ArticleTextMissing

        by_shard: dict[str, list[dict[str, Any]]] = {}
        for doc in docs:
            by_shard.setdefault(index_shard(doc["id"]), []).append(doc)
        version = self.analyses.version()
        seen = self._seen()
        articles = self.analyses.articles
        for key in sorted(by_shard):
            stored = self._quick_read(key)
            fresh: dict[str, Entry] = {}
            for doc in by_shard[key]:
                aid = doc["id"]
                entry = self._memory.get(aid) or stored.get(str(doc_id(aid)))
                text = self._text_signature(doc["body"])
                if text is None or not isinstance(entry, dict) or entry.get("text") != text:
                    try:  # read and checked as before; then its signature (size, mtime) is trusted
                        articles.body(doc)  # an article whose text is gone is left out, as it always was
                    except ArticleTextMissing:
                        continue
                state = self._state(entry, doc, version, seen)
                if state == "ok" and isinstance(entry, dict) and entry.get("text") != text:
                    state = "restamp"
                if state == "stale":
                    try:
                        entry = {**self._made_again(aid, seen), "text": text}
                    except ArticleTextMissing:
                        continue
                    fresh[aid] = entry
                elif state == "restamp":
                    assert entry is not None
                    entry = {**entry, "seen": seen, "text": text}
                    fresh[aid] = entry
                assert entry is not None
                yield aid, entry
            if fresh:
                self._save(key, fresh)

    def _made_again(self, article_id: str, seen: str) -> Entry:
        """The entry of the article's current analysis: from the stored one when it is current and intact
        (no Analysis made), else from the analysis the cache makes (and stores, with its entry)."""
        stored = self.analyses.stored_data(article_id)
        if stored is not None:
            with contextlib.suppress(KeyError, TypeError, ValueError, AttributeError, IndexError):
                return make_entry(article_id, *stored, seen, _size(self._analysis_path(article_id)))
            self.files.damaged_analyses[article_id] = "its records are malformed"  # reported, made again
        analysis, key = self.analyses.analysis_and_key(article_id)
        return make_entry(article_id, key, analysis.to_dict(), seen, _size(self._analysis_path(article_id)))

    def _state(self, entry: Entry | None, doc: dict[str, Any], version: str, seen: str) -> str:
        """ "ok" (current), "restamp" (current; checked against new corrections) or "stale"."""
        if not isinstance(entry, dict) or entry.get("format") != FORMAT:
            return "stale"
        key = entry.get("key")
        if (
            not isinstance(key, dict)
            or not isinstance(entry.get("facts"), list)
            or not isinstance(entry.get("keys"), list)
            or not isinstance(entry.get("firsts"), list)
            or not isinstance(entry.get("figures"), str)
        ):
            return "stale"
        if (
            key.get("analyzer") != version
            or key.get("body") != doc["body"]
            or key.get("published") != doc.get("published")
            or len(entry["facts"]) != len(entry["keys"])
        ):
            return "stale"
        if entry.get("size") != _size(self._analysis_path(doc["id"])):
            return "stale"  # the analysis file changed, was damaged or is gone: check it
        if entry.get("seen") == seen:
            return "ok"
        current, _ = self.analyses.key_for(doc)
        return "restamp" if current == key else "stale"
