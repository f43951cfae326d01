"""YAML front matter: splitting it from the body and checking its keys and values.

Recognised keys: title, published, source, url, dateline, author, tags. Dates are read as text (YAML's
own timestamp conversion is off) so a malformed or impossible date gets a precise message.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Any

from store.errors import quote_input
from store.safetext import clean_line
from store.tags import normalize_tags

FRONT_MATTER_KEYS = ("title", "published", "source", "url", "dateline", "author", "tags")
TEXT_KEYS = ("title", "source", "url", "dateline", "author")
MAX_KEYS_NAMED = 5  # a warning names at most this many unknown keys, each cut to KEY_CHARS
KEY_CHARS = 40

_OPEN = re.compile(r"---[ \t]*\r?\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.MULTILINE)
_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.]+(?:Z|[+-](\d{2}):?(\d{2}))?)?")
MAX_OFFSET_HOURS = 14  # UTC-12:00 to UTC+14:00 are the offsets in use


class FrontMatterError(ValueError):
    """The front matter cannot be used; the message says why."""


@cache
def _text_dates_loader() -> type:
    """A safe YAML loader (libyaml's when present) without the implicit timestamp type: dates stay strings.

    Built on first use, so commands that never read front matter do not import PyYAML."""
    import yaml

    safe: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    resolvers = {
        first: [(tag, regexp) for tag, regexp in entries if tag != "tag:yaml.org,2002:timestamp"]
        for first, entries in safe.yaml_implicit_resolvers.items()
    }
    return type("TextDatesLoader", (safe,), {"yaml_implicit_resolvers": resolvers})


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """(front matter source or None, body, offset of the body in `text`)."""
    opening = _OPEN.match(text)
    if opening is None:
        return None, text, 0
    closing = _CLOSE.search(text, opening.end())
    if closing is None:
        raise FrontMatterError("front matter starts with '---' but has no closing '---' line")
    return text[opening.end() : closing.start()], text[closing.end() :], closing.end()


def parse_date(value: Any) -> date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = str(value).strip()
    match = _DATE.fullmatch(text)
    if match is None:
        raise FrontMatterError(f"published: {quote_input(text)} is not a date (write it as YYYY-MM-DD)")
    year, month, day = (int(g) for g in match.groups()[:3])
    hours, minutes = match.group(4), match.group(5)
    if hours is not None and (int(hours) > MAX_OFFSET_HOURS or int(minutes) > 59):
        raise FrontMatterError(
            f"published: {quote_input(text)} has an impossible time-zone offset "
            f"(from -12:00 to +{MAX_OFFSET_HOURS}:00)"
        )
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise FrontMatterError(f"published: {quote_input(text)} is not a real date ({exc})") from None


def _text(key: str, value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dict, list)):
        raise FrontMatterError(
            f"{key}: expected text, found a {'list' if isinstance(value, list) else 'map'}"
        )
    # Metadata is one line of plain text (the shared definition: no terminal escapes, no newlines of a
    # YAML block scalar).
    return clean_line(str(value)) or None


def _tags(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        items: list[Any] = value.split(",")
    elif isinstance(value, list):
        items = value
    else:
        items = [value]
    for item in items:
        if isinstance(item, (dict, list)):
            raise FrontMatterError("tags: expected a list of words or a comma-separated line")
    return tuple(normalize_tags(items))


def parse_front_matter(source: str) -> tuple[dict[str, Any], list[str]]:
    """The recognised fields (published as a date, tags as a tuple) and warnings about ignored keys."""
    import yaml

    try:
        loaded = yaml.load(source, Loader=_text_dates_loader())
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise FrontMatterError(f"front matter is not valid YAML{where}: {problem}") from None
    except (ValueError, RecursionError) as exc:  # e.g. a number of millions of digits, nesting too deep
        raise FrontMatterError(f"front matter cannot be read ({quote_input(exc, 120)})") from None
    if loaded is None:
        return {}, []
    if not isinstance(loaded, dict):
        raise FrontMatterError("front matter is not a list of 'key: value' lines")
    fields: dict[str, Any] = {}
    unknown: list[str] = []
    for raw_key, value in loaded.items():
        key = str(raw_key).strip().lower()
        if key == "published":
            fields["published"] = parse_date(value)
        elif key == "tags":
            fields["tags"] = _tags(value)
        elif key in TEXT_KEYS:
            fields[key] = _text(key, value)
        else:
            unknown.append(str(raw_key))
    warnings = []
    if unknown:
        known = ", ".join(FRONT_MATTER_KEYS)
        names = ", ".join(quote_input(k, KEY_CHARS) for k in unknown[:MAX_KEYS_NAMED])
        if len(unknown) > MAX_KEYS_NAMED:
            names += f" and {len(unknown) - MAX_KEYS_NAMED} more"
        warnings.append(f"front matter key{'s' if len(unknown) > 1 else ''} {names} ignored (known: {known})")
    return fields, warnings
