"""Briefing Reader's widgets: virtualised article list and timeline, the reader, legend and status line."""
