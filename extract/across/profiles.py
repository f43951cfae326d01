"""Entity profiles: one entity's aliases, articles, dated facts, figures and co-mentioned entities,
gathered from the article digests that name it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from extract.across.digest import ArticleDigest, DigestFact, DigestFigure
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
        mentions = sum(digest.entity_rows[i][2] for i in mine)
        articles.append(ProfileArticle(info.article_id, info.title, info.published, info.source, mentions))
        for row in digest.fact_rows:
            if not mine.isdisjoint(row[-1]):  # the entities of its sentence
                fact = DigestFact._make(row)
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
        for row in digest.figure_rows:
            if not mine.isdisjoint(row[-1]):
                fig = DigestFigure._make(row)
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
    facts.sort(key=_fact_order)
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


_REF_RANK = {"PAST_REF": 0, "PRESENT_REF": 1, "FUTURE_REF": 2}


def _fact_order(fact: ProfileFact) -> tuple[object, ...]:
    """Calendar order; an open future ("in the coming days", dated from its article's day) after the
    facts of that day, an undated fact last."""
    rank = _REF_RANK.get(fact.date_value, 1)
    return (fact.start_date is None, fact.start_date or "", rank, fact.article_id, fact.sentence_start)
