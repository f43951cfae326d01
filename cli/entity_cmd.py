"""`briefing entity NAME [--json]`: everything about one entity across the library (aliases, articles,
dated facts, figures, the names most often in the same sentences). An ambiguous name lists the
candidates; a name with no match says so with suggestions (both exit 1)."""

from __future__ import annotations

import argparse
import sys

from cli._across import number, print_rows
from cli._help import add_command
from cli._library import error, open_library, tolerant_stdout
from store.errors import LibraryError
from store.safetext import safe_json, terminal_text


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        subparsers,
        "entity",
        run,
        help="everything about one person, organisation or place across the library",
        description="Show an entity's profile: its names, the articles naming it, its dated facts in "
        "order, its figures and the names most often mentioned with it. NAME is a name or any alias "
        "(any case): 'Kadhimi' finds Mustafa al-Kadhimi.",
        examples=("briefing entity Kadhimi", "briefing entity NFRC --json", "briefing entity 'PM Kadhimi'"),
    )
    parser.add_argument(
        "name", metavar="NAME", help="a name or alias, or a key from `briefing entities --json`"
    )
    parser.add_argument("--json", action="store_true", help="print the profile as JSON")


def run(args: argparse.Namespace) -> int:
    tolerant_stdout()
    try:
        with open_library(args) as library:
            found = library.find_entities(args.name)
            if not found:
                hints = library.entity_suggestions(args.name)
                tip = f"; did you mean {', '.join(repr(h) for h in hints)}?" if hints else ""
                return error(f"no entity named {args.name!r} in the library{tip} (see `briefing entities`)")
            if len(found) > 1:
                error(f"{args.name!r} names {len(found)} entities; give one of these names:")
                for summary in found:
                    aliases = ", ".join(a for a, _ in summary.aliases[:4])
                    print(
                        terminal_text(
                            f"  {summary.name} ({summary.type}, {summary.mentions} mentions: {aliases})"
                        ),
                        file=sys.stderr,
                    )
                return 1
            profile = library.entity_profile(found[0].key)
    except LibraryError as exc:
        return error(str(exc))
    if args.json:
        sys.stdout.write(safe_json(profile.to_dict()) + "\n")
        return 0
    aliases = ", ".join(f"{a} ({n})" for a, n in profile.aliases)
    print(terminal_text(f"{profile.name} ({profile.type}): {aliases}"))
    print_rows(
        "Articles",
        ("mentions", "published", "source", "title"),
        [(str(a.mentions), a.published or "undated", a.source or "", a.title) for a in profile.articles],
    )
    print_rows(
        "Dated facts",
        ("date", "as written", "statement"),
        [(f.date_value, f.date_text, f.text) for f in profile.facts],
    )
    print_rows(
        "Figures",
        ("figure", "value", "counts", "sentence"),
        [(f.text, number(f.value, f.high), f.unit or "", f.sentence) for f in profile.figures],
    )
    print_rows(
        "Mentioned with",
        ("sentences", "name"),
        [(str(n), name) for name, _, n in profile.co_mentions],
    )
    return 0
