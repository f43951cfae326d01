"""Briefing Reader's user interface: the Textual app, its screens and widgets."""
