"""`briefing show ID`: one article (id or a unique prefix of it): metadata, text, the user's annotations
and the analysis (names, figures and dates by kind, and the article's timeline), printed safely."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections import Counter
from typing import TYPE_CHECKING, Any

from cli._help import add_command
from cli._library import error, note, open_library, tolerant_stdout
from cli.list_cmd import meta_to_json
from store.errors import LibraryError
from store.wording import counted

if TYPE_CHECKING:
    from rich.console import Console

    from extract.model import Analysis
    from store.library import Library
    from store.records import Annotation, ArticleMeta
from store.safetext import one_line, safe_json, terminal_text


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        subparsers,
        "show",
        run,
        help="print an article's details, text, annotations and analysis",
        description="Print one article's metadata and text, your annotations on it (highlights, notes, "
        "corrections) and its analysis (names, figures and dates by kind, and its timeline). ID may be "
        "the first characters of the id shown by `briefing list`, as long as only one article starts "
        "with them.",
        examples=("briefing show 78032c", "briefing show 78032c --json"),
    )
    parser.add_argument("id", metavar="ID", help="article id, or its first characters (see `briefing list`)")
    parser.add_argument(
        "--json",
        action="store_true",
        help="print metadata, body, annotations and analysis (as `briefing analyze --json`) as JSON",
    )


def run(args: argparse.Namespace) -> int:
    tolerant_stdout()
    try:
        with open_library(args) as library:
            try:
                article = library.article(library.resolve_id(args.id))
            except KeyError:
                try:
                    trashed = library.resolve_trashed_id(args.id)
                except (KeyError, LibraryError):
                    return error(f"no article with id {args.id!r} (see `briefing list`)")
                return error(
                    f"{trashed[:12]} is in the trash; bring it back with: briefing restore {trashed[:12]}"
                )
            annotations = library.annotations(article.meta.id)
            if not args.json:  # the text first: the analysis of a long article may take a moment
                print_article(article.meta, article.body)
            analysis = _analysis(library, article.meta.id)
    except LibraryError as exc:
        return error(str(exc))
    if args.json:
        data = {
            **meta_to_json(article.meta),
            "body": article.body,
            "annotations": [annotation_to_json(a) for a in annotations],
            "analysis": analysis.to_dict() if analysis is not None else None,
        }
        sys.stdout.write(safe_json(data) + "\n")
        return 0
    from cli._library import stdout_console

    console = stdout_console()
    print_annotations(console, annotations)
    if analysis is not None:
        print_analysis(console, analysis)
    return 0


def _analysis(library: Library, article_id: str) -> Analysis | None:
    """The article's analysis, or None (with a notice) when it cannot be made: the rest is still shown."""
    try:
        return library.analysis(article_id)
    except LibraryError:
        raise
    except Exception as exc:  # an analyser failure must not hide the article and its annotations
        note(f"could not analyse the article: {exc!r}")
        return None


def print_article(meta: ArticleMeta, body_text: str) -> None:
    """The metadata lines, a blank line and the text, terminal-safe."""
    rows = [
        ("Title", meta.title),
        ("Id", meta.id),
        ("Published", meta.published.isoformat() if meta.published else "unknown"),
        ("Source", meta.source),
        ("Dateline", meta.dateline),
        ("Author", meta.author),
        ("URL", meta.url),
        ("Tags", ", ".join(meta.tags) or None),
        ("File", meta.path),
        ("Status", ", ".join(s for s, on in (("starred", meta.starred), ("read", meta.read)) if on) or None),
    ]
    for label, value in rows:
        if value:
            print(terminal_text(f"{label + ':':<11}{value}"))
    print()
    body = terminal_text(body_text, keep_newlines=True)
    sys.stdout.write(body if body.endswith("\n") else body + "\n")


def annotation_to_json(annotation: Annotation) -> dict[str, Any]:
    """An annotation as stored: offsets, quote with its context, kind, colour, note, correction."""
    return dataclasses.asdict(annotation)


def print_annotations(console: Console, annotations: list[Annotation]) -> None:
    from rich.text import Text

    from tui.theme import TERMINAL, correction_label

    console.print()
    if not annotations:
        console.print(Text("Annotations: none", style="bold"))
        return
    console.print(Text(f"Annotations: {counted(len(annotations), 'annotation')}", style="bold"))
    for a in sorted(annotations, key=lambda a: (a.orphaned, a.start, a.end)):
        head = Text("  ")
        head.append(a.kind, TERMINAL.correction if a.kind == "correction" else "bold")
        if a.color:
            head.append(f" ({a.color})", TERMINAL.annotation_colors.get(a.color, ""))
        head.append(f"  {a.start}-{a.end}", "dim")
        if a.orphaned:
            head.append("  orphaned: its text changed on re-import", "italic")
        console.print(head)
        console.print(Text(f"    “{one_line(a.exact)}”"))
        if a.correction:
            console.print(Text(f"    {correction_label(a.correction)}", TERMINAL.correction))
        if a.note and a.note.strip():
            for n, line in enumerate(a.note.strip().splitlines()):
                console.print(Text(("    ✎ " if n == 0 else "      ") + one_line(line), TERMINAL.note))


def print_analysis(console: Console, analysis: Analysis) -> None:
    """Names by kind (most mentioned first), figures, dates, then the article's timeline table."""
    from rich.text import Text

    from cli._analysis_view import analysis_counts, facts_table
    from tui.theme import ENTITY_LABELS, ENTITY_ORDER, TERMINAL

    console.print()
    console.print(Text(f"Analysis: {analysis_counts(analysis)}", style="bold"))
    names: dict[str, Counter[str]] = {}
    for entity in analysis.entities:
        names.setdefault(entity.type, Counter())[entity.canonical] += 1
    for kind in sorted(
        names, key=lambda k: ENTITY_ORDER.index(k) if k in ENTITY_ORDER else len(ENTITY_ORDER)
    ):
        line = Text(f"  {ENTITY_LABELS.get(kind, kind.lower())}: ", style="dim")
        for n, (name, times) in enumerate(sorted(names[kind].items(), key=lambda kv: (-kv[1], kv[0]))):
            if n:
                line.append(", ")
            line.append(one_line(name), TERMINAL.entity_style(kind))
            if times > 1:
                line.append(f" ×{times}", "dim")
        console.print(line)
    if analysis.figures:
        line = Text("  figures: ", style="dim")
        line.append(", ".join(one_line(f.text) for f in analysis.figures), TERMINAL.figure)
        console.print(line)
    if analysis.dates:
        line = Text("  dates: ", style="dim")
        for n, mention in enumerate(analysis.dates):
            if n:
                line.append(", ")
            style = TERMINAL.date if mention.anchored else TERMINAL.unanchored_date
            line.append(one_line(mention.text), style)
            line.append(f" ({one_line(mention.value)})", "dim")
        console.print(line)
    if analysis.facts:
        console.print(facts_table(list(analysis.facts)))
