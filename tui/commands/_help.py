"""Help layout of the subcommands: descriptions wrapped to the terminal, example epilogs kept as written."""

from __future__ import annotations

import argparse


class ExamplesHelpFormatter(argparse.HelpFormatter):
    """Wraps the description like argparse does, but prints an epilog that starts with "examples:" verbatim,
    so each example stays on its own line."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if text.startswith("examples:"):
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return super()._fill_text(text, width, indent)
