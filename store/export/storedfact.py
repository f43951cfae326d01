"""Facts in the facts index's stored form (`extract.model.fact_to_dict`), read by the export builders
without making a Fact: `fact_form(data)` says whether a stored fact is exactly what `fact_to_dict` makes
of the Fact made from it, so that reading the dict is reading that Fact; `plain_fact_form(data)` says
whether it is, and also of the kinds orjson writes as the standard library does (`store.fastjson`), in
one pass: the selection asks it once per fact and the writers trust its answer.
"""

from __future__ import annotations

from dataclasses import fields
from itertools import chain
from typing import Any

from extract.model import DateMention, Fact, Sentence
from store.fastjson import plain


def _names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


_FACT_KEYS_OFFSET = _names(Fact)
_FACT_KEYS = tuple(n for n in _FACT_KEYS_OFFSET if n != "text_offset")
_SENTENCE_KEYS = _names(Sentence)
_DATE_KEYS = _names(DateMention)
_SCALARS = frozenset({str, int, bool, type(None)})


def fact_form(data: dict[str, Any]) -> bool:
    """Whether a stored fact is exactly what `fact_to_dict` makes of the Fact made from it (its keys, and
    its records' keys, in field order; "text_offset" only when set; lists where the Fact has tuples)."""
    keys = tuple(data)
    if keys != _FACT_KEYS and not (keys == _FACT_KEYS_OFFSET and data["text_offset"] is not None):
        return False
    dates = data["dates"]
    return (
        type(data["sentence"]) is dict
        and tuple(data["sentence"]) == _SENTENCE_KEYS
        and type(data["date"]) is dict
        and tuple(data["date"]) == _DATE_KEYS
        and type(dates) is list
        and type(data["entities"]) is list
        and type(data["figures"]) is list
        and all(type(d) is dict and tuple(d) == _DATE_KEYS for d in dates)
    )


def plain_fact_form(data: dict[str, Any]) -> bool:
    """`fact_form(data) and store.fastjson.plain(data)`, quicker: that a stored fact's leaves are all
    text, whole numbers, booleans or null (no float: the usual case) is told from one set of the types of
    its records' values; anything else is left to `plain`."""
    keys = tuple(data)
    offset = keys == _FACT_KEYS_OFFSET
    if keys != _FACT_KEYS and not (offset and data["text_offset"] is not None):
        return False
    sentence, mention, dates = data["sentence"], data["date"], data["dates"]
    entities, figures = data["entities"], data["figures"]
    if not (
        type(sentence) is dict
        and type(mention) is dict
        and type(dates) is list
        and type(entities) is list
        and type(figures) is list
        and tuple(sentence) == _SENTENCE_KEYS
        and tuple(mention) == _DATE_KEYS
    ):
        return False
    for d in dates:
        if type(d) is not dict or tuple(d) != _DATE_KEYS:
            return False
    records = chain(sentence.values(), mention.values(), entities, figures, *map(_values, dates))
    kinds = set(map(type, records))
    kinds.add(type(data["value"]))
    kinds.add(type(data["start_date"]))
    kinds.add(type(data["end_date"]))
    kinds.add(type(data["text"]))
    if offset:
        kinds.add(type(data["text_offset"]))
    return kinds <= _SCALARS or plain(data)


_values = dict.values
