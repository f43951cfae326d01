"""The library-wide index over article digests: entities (resolved across articles), profiles, series
and conflicts, answering the questions `store.library.Library` forwards (same names and meanings).

Built in one pass over the digests (linear in their entities, facts and figures); profiles are
assembled on request from the postings, series and conflicts once, on first request.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence

from extract.across.conflicts import conflicts as find_conflicts
from extract.across.digest import ArticleDigest
from extract.across.model import Conflict, EntityProfile, EntitySummary, Series
from extract.across.profiles import build_profile
from extract.across.resolve import resolve
from extract.across.series import build_series

_TITLES = re.compile(
    r"^(?:(?:acting|deputy|former|prime minister|president|minister|secretary|spokesman|spokeswoman|general"
    r"|gen\.?|pm|mr\.?|mrs\.?|ms\.?|dr\.?|sir|prof\.?|king|queen|senator|sen\.?|gov\.?|governor|director)\s+)+",
    re.IGNORECASE,
)


class AcrossIndex:
    """Entities, profiles, series and conflicts of a set of article digests."""

    def __init__(self, digests: Sequence[ArticleDigest]) -> None:
        self.digests = list(digests)
        records = (row for d in self.digests for row in d.entity_rows)  # (canonical, type, mentions, aliases)
        self.resolution = resolve(records)
        key_of = self.resolution.key_of
        self._keys: list[tuple[str, ...]] = [
            tuple(key_of[(row[0], row[1])] for row in d.entity_rows) for d in self.digests
        ]
        self._position = {id(d): n for n, d in enumerate(self.digests)}
        postings: dict[str, list[tuple[int, tuple[int, ...]]]] = {}
        for n, keys in enumerate(self._keys):
            local: dict[str, set[int]] = {}
            for i, key in enumerate(keys):
                local.setdefault(key, set()).add(i)
            for key, mine in local.items():
                postings.setdefault(key, []).append((n, tuple(mine)))  # a tuple of ints: not GC-tracked
        self._postings = postings
        self._summaries = sorted(
            (
                EntitySummary(
                    key,
                    self.resolution.names[key],
                    self.resolution.types[key],
                    self.resolution.mentions[key],
                    len(postings.get(key, ())),
                    self.resolution.aliases[key],
                )
                for key in self.resolution.names
            ),
            key=lambda s: (-s.mentions, s.name.casefold(), s.key),
        )
        self._by_key = {s.key: s for s in self._summaries}
        self._profiles: dict[str, EntityProfile] = {}
        self._series: list[Series] | None = None
        self._conflicts: list[Conflict] | None = None
        self._by_figure: dict[tuple[str, int], Series] | None = None
        self._by_article: dict[str, list[Conflict]] | None = None

    def key_of(self, digest: ArticleDigest, index: int) -> str:
        return self._keys[self._position[id(digest)]][index]

    # entities ----------------------------------------------------------------------------------------
    def entities(self, type_: str | None = None) -> list[EntitySummary]:
        if type_ is None:
            return list(self._summaries)
        wanted = type_.upper()
        return [s for s in self._summaries if s.type == wanted]

    def find_entities(self, name: str) -> list[EntitySummary]:
        query = " ".join(name.split()).casefold()
        if not query:
            return []
        if query in self._by_key:
            return [self._by_key[query]]
        for attempt in (query, _TITLES.sub("", query)):
            exact = [s for s in self._summaries if attempt in _names_of(s)]
            if exact:
                return exact
        words = _TITLES.sub("", query).split()
        return [s for s in self._summaries if any(all(w in n for w in words) for n in _names_of(s))]

    def canonical_names(self, keys: Iterable[str]) -> set[str]:
        """The case-folded canonical names the articles give the entities with these keys (each article's
        own resolution of its names: what its facts name them by)."""
        wanted = set(keys)
        return {
            canonical.casefold() for (canonical, _), key in self.resolution.key_of.items() if key in wanted
        }

    def suggestions(self, name: str, limit: int = 5) -> list[str]:
        choices: dict[str, str] = {}
        for summary in self._summaries:
            for n in (summary.name, *(a for a, _ in summary.aliases)):
                choices.setdefault(n.casefold(), summary.name)
                for word in n.split():  # a misspelt surname finds the full name
                    choices.setdefault(word.casefold(), summary.name)
        close = difflib.get_close_matches(name.casefold(), list(choices), n=limit * 3, cutoff=0.7)
        return list(dict.fromkeys(choices[c] for c in close))[:limit]

    def profile(self, key: str) -> EntityProfile:
        found = self._profiles.get(key)
        if found is None:
            summary = self._by_key[key]  # KeyError for an unknown key
            postings = [
                (self.digests[n], frozenset(mine), self._keys[n]) for n, mine in self._postings.get(key, ())
            ]
            found = build_profile(
                key, summary.name, summary.type, summary.aliases, postings, self.resolution.names
            )
            self._profiles[key] = found
        return found

    # series and conflicts ------------------------------------------------------------------------------
    def all_series(self) -> list[Series]:
        if self._series is None:
            self._series = build_series(self.digests, self.key_of, self.resolution.names)
        return self._series

    def series(self, entity: str | None = None) -> list[Series]:
        every = self.all_series()
        if entity is None:
            return list(every)
        keys = {s.key for s in self.find_entities(entity)} if entity not in self._by_key else {entity}
        return [s for s in every if s.key.split("|", 1)[0] in keys]

    def series_for_figure(self, article_id: str, start: int) -> Series | None:
        if self._by_figure is None:
            self._by_figure = {(p.article_id, p.start): s for s in self.all_series() for p in s.points}
        return self._by_figure.get((article_id, start))

    def conflicts(self) -> list[Conflict]:
        if self._conflicts is None:
            self._conflicts = find_conflicts(self.all_series())
        return self._conflicts

    def conflicts_for_article(self, article_id: str) -> list[Conflict]:
        if self._by_article is None:
            self._by_article = {}
            for conflict in self.conflicts():
                for aid in dict.fromkeys(claim.article_id for claim in conflict.claims):
                    self._by_article.setdefault(aid, []).append(conflict)
        return list(self._by_article.get(article_id, ()))


def _names_of(summary: EntitySummary) -> set[str]:
    return {summary.name.casefold(), *(a.casefold() for a, _ in summary.aliases)}
