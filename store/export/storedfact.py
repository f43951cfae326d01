"""Facts in the facts index's stored form (`extract.model.fact_to_dict`), read by the export builders
without making a Fact: `fact_form(data)` says whether a stored fact is exactly what `fact_to_dict` makes
of the Fact made from it, so that reading the dict is reading that Fact.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from extract.model import DateMention, Fact, Sentence


def _names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


_FACT_KEYS_OFFSET = _names(Fact)
_FACT_KEYS = tuple(n for n in _FACT_KEYS_OFFSET if n != "text_offset")
_SENTENCE_KEYS = _names(Sentence)
_DATE_KEYS = _names(DateMention)


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
