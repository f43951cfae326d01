"""The analyzer's version: it changes whenever `extract.analyze`'s output may change, so stored analyses
are made again. A module of its own, so that the store learns it without loading the analysis engine."""

ANALYZER_VERSION = "11"  # 11: dates: weekday + part of day a TIME, tense of fronted and possessive dates,
# timetable present ("opens in June"), split ranges, "about" outside durations, "current" PRESENT_REF.
# 10: organisations from statements, table rows; faith groups. 9: one fact per
# sentence at its event date; anchoring by the governing clause,
# comparison flag, centuries "18"; names: sentence-initial evidence, guessed types, larger gazetteer
