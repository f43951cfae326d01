"""Screens layered over the main view: the help screen."""
