"""Pure text analysis for Briefing Reader: text in, spans and dated facts out (no I/O, no UI).

`analyze(text, published)` is the single entry point; `ANALYZER_VERSION` changes whenever its output
may change, so stored facts are recomputed.
"""

from extract.analyze import analyze
from extract.corrections import NO_CORRECTIONS, NOT_AN_ENTITY, Corrections
from extract.model import Analysis, DateMention, Entity, Fact, Figure, Sentence

ANALYZER_VERSION = "12"  # 12: dates, span side: TimeML non-markables left out (time words in names and
# titles, "today's youth", "the future of", "Now for", growth rates "12% annually"); new spans ("April 24 and
# 25", "soon", "a later date", "over the years", "the weeks ahead", "day-long", "the latest fiscal year").
# Value side: "a year ago" compares with the quarter reported, modals, "is due in", quarters in the future,
# generic holidays ("the Christmas trade") and years ("the year's income"); decades as TimeML writes them
# ("199", was "199X"); "that summer", "the following winter" from the time just told of; "the week of
# March 8"; "a year earlier" after "for the nine months" is that year; "In May the ..." is the month.
# 11: dates: weekday + part of day a TIME, tense of fronted and possessive dates,
# timetable present ("opens in June"), split ranges, "about" outside durations, "current" PRESENT_REF.
# 10: organisations from statements, table rows; faith groups. 9: one fact per
# sentence at its event date; anchoring by the governing clause,
# comparison flag, centuries "18"; names: sentence-initial evidence, guessed types, larger gazetteer

__all__ = [
    "ANALYZER_VERSION",
    "NOT_AN_ENTITY",
    "NO_CORRECTIONS",
    "Analysis",
    "Corrections",
    "DateMention",
    "Entity",
    "Fact",
    "Figure",
    "Sentence",
    "analyze",
]
