"""Entity profiles, figure series and conflicts over the whole library, computed from the stored
analyses by `extract.across` and cached (see `AcrossCache`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from extract.across.model import Conflict, EntityProfile, EntitySummary, Series
    from store.analyses import Analyses
    from store.articles import Articles


class Across:
    """The cross-article questions of one library (filled in by the following commits)."""

    def __init__(self, articles: Articles, analyses: Analyses) -> None:
        self.articles = articles
        self.analyses = analyses

    def entities(self, type: str | None = None) -> list[EntitySummary]:
        raise NotImplementedError

    def find_entities(self, name: str) -> list[EntitySummary]:
        raise NotImplementedError

    def entity_suggestions(self, name: str) -> list[str]:
        raise NotImplementedError

    def entity_profile(self, key: str) -> EntityProfile:
        raise NotImplementedError

    def series(self, entity: str | None = None) -> list[Series]:
        raise NotImplementedError

    def series_for_figure(self, article_id: str, start: int) -> Series | None:
        raise NotImplementedError

    def conflicts(self) -> list[Conflict]:
        raise NotImplementedError

    def conflicts_for_article(self, article_id: str) -> list[Conflict]:
        raise NotImplementedError
