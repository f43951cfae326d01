"""User corrections the analysis honours: names with a forced type (or "not an entity") and
date expressions with a forced value. Plain immutable data, passed into `analyze` by the caller."""

from __future__ import annotations

from dataclasses import dataclass, field

NOT_AN_ENTITY = "NONE"


@dataclass(frozen=True, slots=True)
class Corrections:
    """`entity_types` maps an exact surface name to an entity type or NOT_AN_ENTITY;
    `date_values` maps an exact date expression (as written) to the TIMEX3 value to use."""

    entity_types: dict[str, str] = field(default_factory=dict)
    date_values: dict[str, str] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.entity_types or self.date_values)


NO_CORRECTIONS = Corrections()
