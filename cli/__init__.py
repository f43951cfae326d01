"""Briefing Reader's headless command line: the `briefing` entry point and one module per subcommand.

Every subcommand module exposes `register(subparsers)`; only `launch` imports the Textual app.
"""

__version__ = "0.1.0"  # the distribution's version too (pyproject reads it from here)
