"""Entity profiles: one entity's aliases, articles, dated facts, figures and co-mentioned entities,
gathered from the article digests that name it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from extract.across.digest import ArticleDigest
from extract.across.model import EntityProfile, ProfileArticle, ProfileFact, ProfileFigure

CO_MENTIONS = 12  # the most frequent co-mentioned entities kept in a profile


def build_profile(
    key: str,
    name: str,
    type_: str,
    aliases: tuple[tuple[str, int], ...],
    postings: Sequence[tuple[ArticleDigest, frozenset[int], Sequence[str]]],
    names: dict[str, str],
) -> EntityProfile:
    """The profile of entity `key`; `postings` are the digests naming it, each with the indices its
    entities have there and the library-wide keys of all its entities."""
    articles = []
    facts = []
    figures = []
    co: Counter[str] = Counter()
    for digest, mine, keys in postings:
        info = digest.info
        mentions = sum(digest.entities[i].mentions for i in mine)
        articles.append(ProfileArticle(info.article_id, info.title, info.published, info.source, mentions))
        for fact in digest.facts:
            if not mine.isdisjoint(fact.entities):
                facts.append(
                    ProfileFact(
                        info.article_id,
                        info.title,
                        fact.date_value,
                        fact.date_text,
                        fact.start_date,
                        fact.sentence_start,
                        fact.sentence_end,
                        fact.text,
                    )
                )
        for fig in digest.figures:
            if not mine.isdisjoint(fig.entities):
                figures.append(
                    ProfileFigure(
                        info.article_id,
                        info.title,
                        fig.text,
                        fig.start,
                        fig.end,
                        fig.value,
                        fig.high,
                        fig.unit,
                        fig.qualifier,
                        fig.kind,
                        fig.sentence_start,
                        fig.sentence_end,
                        fig.sentence,
                    )
                )
        for sentence in digest.co_sentences:
            if not mine.isdisjoint(sentence):
                others = {keys[i] for i in sentence if i not in mine}
                others.discard(key)
                co.update(others)
    articles.sort(key=lambda a: (-a.mentions, a.published or "", a.article_id))
    facts.sort(key=lambda f: (f.start_date is None, f.start_date or "", f.article_id, f.sentence_start))
    top = sorted(co.items(), key=lambda item: (-item[1], names.get(item[0], item[0]).casefold()))[
        :CO_MENTIONS
    ]
    return EntityProfile(
        key,
        name,
        type_,
        aliases,
        tuple(articles),
        tuple(facts),
        tuple(figures),
        tuple((names.get(k, k), k, n) for k, n in top),
    )
