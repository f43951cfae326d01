"""Briefing Reader's user interface: the Textual app and the `briefing` command line."""

__version__ = "0.1.0"
