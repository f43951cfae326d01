"""Pure rendering of the cross-article records (`extract.across.model`): entity summaries, profiles,
series points and conflicts in, `rich.text.Text` (spans only, never markup) out, plus the plot's
coordinates of a series. Article words are untrusted: every one goes through `one_line`/`sanitize`.
No I/O, no widgets."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text

from store.wording import counted
from tui import theme
from tui.render import (
    ENTITY_LABELS,
    META_STYLE,
    NOTICE_STYLE,
    SHORT_LABELS,
    TITLE_STYLE,
    format_number,
    one_line,
    trim_around,
    value_label,
)

if TYPE_CHECKING:
    from extract.across.model import (
        Claim,
        Conflict,
        EntityProfile,
        EntitySummary,
        ProfileArticle,
        ProfileFact,
        ProfileFigure,
        Series,
        SeriesPoint,
    )

CONFLICT_MARK = "⚠"
NAME_CELLS = 32  # a name in the entity index is cut to this width
TITLE_CELLS = 60  # an article's title beside a fact or figure is cut to this width
ARTICLE_CELLS = 24  # a source's name in a table cell is cut to this width
EXCERPT_CELLS = 70  # a sentence in a table cell is trimmed around its figure to about this width


def type_label(kind: str, *, short: bool = False) -> Text:
    """'PERSON' -> 'person' in the person colour ('ORG' -> 'organisation', or 'org' when `short`)."""
    labels = SHORT_LABELS if short else ENTITY_LABELS
    return Text(labels.get(kind, kind.lower()), theme.active().entity_style(kind))


def entity_name(name: str, kind: str) -> Text:
    return Text(one_line(name) or "?", theme.active().entity_style(kind))


def aliases_text(aliases: Sequence[tuple[str, int]], *, limit: int | None = None) -> Text:
    """'Kadhimi ×12 · Mustafa al-Kadhimi ×3' (the most used first), cut after `limit` with '+N more'."""
    shown = aliases if limit is None else aliases[:limit]
    out = Text()
    for n, (alias, count) in enumerate(shown):
        if n:
            out.append(" · ", META_STYLE)
        out.append(one_line(alias))
        out.append(f" ×{count}", META_STYLE)
    if limit is not None and len(aliases) > limit:
        out.append(f" · +{len(aliases) - limit} more", META_STYLE)
    return out


def entity_cells(entity: EntitySummary) -> tuple[Text, Text, Text, Text, Text]:
    """The entity index's row: name (cut to `NAME_CELLS`), mentions, articles, type, other forms."""
    others = tuple((a, c) for a, c in entity.aliases if a != entity.name)
    name = entity_name(entity.name, entity.type)
    name.truncate(NAME_CELLS, overflow="ellipsis")
    return (
        name,
        Text(f"{entity.mentions:,}", justify="right"),
        Text(f"{entity.article_count:,}", justify="right"),
        type_label(entity.type, short=True),
        aliases_text(others, limit=3),
    )


def value_text(value: float | None, high: float | None, qualifier: str | None) -> Text:
    """'roughly 5,000', '12,000–15,000', 'at least 120'; a vague amount says so."""
    out = Text()
    if qualifier:
        out.append(one_line(qualifier) + " ", META_STYLE)
    if value is None:
        out.append("vague", META_STYLE)
        return out
    out.append(format_number(value), TITLE_STYLE)
    if high is not None and high != value:
        out.append("–")
        out.append(format_number(high), TITLE_STYLE)
    return out


def excerpt(sentence: str, start: int, end: int, cells: int = EXCERPT_CELLS) -> Text:
    """The sentence on one line, trimmed around [start, end) (offsets into `sentence`), that part bold."""
    plain = one_line(sentence)
    if not 0 <= start <= end <= len(plain):
        start = end = 0
    trimmed, a, b = trim_around(plain, start, end, cells)
    out = Text(trimmed, no_wrap=True, overflow="ellipsis")
    if b > a:
        out.stylize(theme.active().timeline_figure, a, b)
    return out


# -- profiles --------------------------------------------------------------------------------------------


def profile_header(profile: EntityProfile) -> Text:
    """Name, type, totals and the forms used."""
    out = Text()
    out.append_text(entity_name(profile.name, profile.type))
    out.append("  ")
    out.append_text(type_label(profile.type))
    mentions = sum(count for _, count in profile.aliases)
    out.append(
        f"  ·  {counted(mentions, 'mention')} in {counted(len(profile.articles), 'article')}"
        f" · {counted(len(profile.facts), 'dated fact')} · {counted(len(profile.figures), 'figure')}",
        META_STYLE,
    )
    if profile.aliases:
        out.append("\nWritten ", META_STYLE)
        out.append_text(aliases_text(profile.aliases))
    return out


def section_title(title: str, count: int) -> Text:
    out = Text(title, Style(bold=True, underline=True))
    out.append(f"  {count:,}", META_STYLE)
    return out


def profile_article(article: ProfileArticle) -> Text:
    out = Text()
    out.append((article.published or "no date").ljust(10), theme.active().timeline_date)
    out.append("  ")
    out.append(one_line(article.title) or "(untitled)", TITLE_STYLE)
    if article.source:
        out.append(f" · {one_line(article.source)}", META_STYLE)
    out.append(f"  {counted(article.mentions, 'mention')}", META_STYLE)
    return out


def short_title(title: str) -> Text:
    """An article's title cut to `TITLE_CELLS`, in the timeline's title colour."""
    out = Text(one_line(title) or "(untitled)", theme.active().timeline_title)
    out.truncate(TITLE_CELLS, overflow="ellipsis")
    return out


def profile_fact(fact: ProfileFact) -> Text:
    """The date (normalised, then as written), the article, and the whole sentence below."""
    palette = theme.active()
    out = Text()
    value = one_line(fact.date_value)
    out.append(value_label(value) or "?", palette.timeline_date)  # "future", as the timeline
    out.append(f"  “{one_line(fact.date_text)}”  ", META_STYLE)
    out.append_text(short_title(fact.title))
    out.append("\n  ")
    out.append(one_line(fact.text))
    return out


def profile_figure(figure: ProfileFigure) -> Text:
    """The figure as written and what it counts, the article, and the sentence around it below."""
    out = Text(one_line(figure.text), theme.active().timeline_figure)
    if figure.unit and figure.unit.casefold() not in figure.text.casefold():  # "9,000 tonnes" says it
        out.append(" " + one_line(figure.unit))
    if figure.value is not None and figure.kind != "fraction":
        out.append("  = ", META_STYLE)
        out.append_text(value_text(figure.value, figure.high, None))
    out.append("  ")
    out.append_text(short_title(figure.title))
    out.append("\n  ")
    a = figure.start - figure.sentence_start
    out.append_text(excerpt(figure.sentence, a, a + (figure.end - figure.start), 200))
    return out


def co_mention(name: str, key: str, count: int) -> Text:
    kind = key.split(":", 1)[0] if ":" in key else "OTHER"
    out = entity_name(name, kind)
    out.append(f"  {counted(count, 'sentence')} together", META_STYLE)
    return out


# -- series ----------------------------------------------------------------------------------------------


def series_title(series: Series) -> str:
    """'US troops · Iraq' style: what is counted, about what (plain, one line: for titles and the plot)."""
    unit, subject = one_line(series.unit), one_line(series.subject)
    return f"{unit} · {subject}" if subject and unit else unit or subject or "series"


def series_label(series: Series) -> Text:
    """A series in the pick list: what it counts, its subject, its span and number of points."""
    out = Text(one_line(series.unit) or "?", TITLE_STYLE)
    if series.subject:
        out.append(" · " + one_line(series.subject))
    points = series.points
    span = f"{points[0].date} → {points[-1].date}" if points else "no points"
    out.append(f"\n  {counted(len(points), 'point')} · {span}", META_STYLE)
    if series.undated:
        out.append(f" · {series.undated} undated left out", META_STYLE)
    return out


def point_cells(point: SeriesPoint, cells: int = EXCERPT_CELLS) -> tuple[Text, Text, Text, Text]:
    """The points table's row: date, value (range, qualifier), source (else the article's title), the
    sentence trimmed to about `cells` around the figure."""
    article = Text(one_line(point.source) or one_line(point.title) or "?", theme.active().timeline_title)
    article.truncate(ARTICLE_CELLS, overflow="ellipsis")
    sentence = point.sentence or point.text
    at = one_line(sentence).find(one_line(point.text)) if point.sentence else 0
    at = max(at, 0)
    return (
        Text(one_line(point.date), theme.active().timeline_date),
        value_text(point.value, point.high, point.qualifier),
        article,
        excerpt(sentence, at, at + len(one_line(point.text)), cells),
    )


def plot_points(series: Series) -> tuple[list[str], list[float]]:
    """The plot's points in day order: each point's day (`YYYY-MM-DD`, the middle of the days its date
    covers: "2022-10" is drawn on 16 October) and value (a range's middle). Points whose date names no
    day (a duration, an unknown year) are left out of the plot; the table still lists them."""
    from extract.facts import interval

    placed: list[tuple[date, float]] = []
    for point in series.points:
        first, last = interval(point.date)
        if first is None or last is None:
            continue
        middle = first + (last - first) / 2
        placed.append((middle, point.value if point.high is None else (point.value + point.high) / 2))
    placed.sort(key=lambda p: p[0])
    return [day.isoformat() for day, _ in placed], [value for _, value in placed]


def value_ticks(values: Sequence[float], count: int = 5) -> tuple[list[float], list[str]]:
    """`count` evenly spaced ticks from 0 to the largest value, labelled as the tables write numbers."""
    top = max(values, default=0.0)
    if top <= 0:
        return [0.0], ["0"]
    ticks = [top * n / (count - 1) for n in range(count)]
    return ticks, [format_number(round(t)) if top >= count else format_number(t) for t in ticks]


# -- conflicts -------------------------------------------------------------------------------------------


def conflict_title(conflict: Conflict) -> Text:
    out = Text(f"{CONFLICT_MARK} ", theme.active().conflict)
    out.append(one_line(conflict.unit) or "?", TITLE_STYLE)
    if conflict.subject:
        out.append(" · " + one_line(conflict.subject))
    out.append(f"  on {one_line(conflict.date)}", theme.active().timeline_date)
    out.append(f"  {counted(len(conflict.claims), 'source')} disagree", META_STYLE)
    return out


def claim_line(claim: Claim) -> Text:
    """A claim of a conflict: value, source and article, the figure as written."""
    out = Text("  ")
    out.append_text(value_text(claim.value, claim.high, claim.qualifier))
    out.append("  " + (one_line(claim.source) or "unknown source"), META_STYLE)
    if claim.title:
        out.append(" · " + one_line(claim.title), theme.active().timeline_title)
    out.append(f"\n    “{one_line(claim.text)}”")
    return out


def conflict_status(conflict: Conflict, article_id: str, start: int) -> Text:
    """The status line for a conflicting figure under the reader's cursor: what this article says
    against what the others say."""
    out = Text(no_wrap=True, overflow="ellipsis")
    out.append(f"{CONFLICT_MARK} sources disagree", theme.active().conflict)
    out.append(f"  {one_line(conflict.unit)} on {one_line(conflict.date)}: ", META_STYLE)
    mine = [c for c in conflict.claims if c.article_id == article_id and c.start <= start < c.end]
    others = [c for c in conflict.claims if c not in mine]
    for n, claim in enumerate([*mine[:1], *others]):
        if n:
            out.append(" vs ", META_STYLE)
        out.append_text(value_text(claim.value, claim.high, claim.qualifier))
        where = "here" if claim in mine else one_line(claim.source) or one_line(claim.title) or "?"
        out.append(f" ({where})", META_STYLE)
    out.append("  · C lists all", META_STYLE)
    return out


def no_data(message: str) -> Text:
    return Text(message, NOTICE_STYLE)
