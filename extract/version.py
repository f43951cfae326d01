"""The analyzer's version: it changes whenever `extract.analyze`'s output may change, so stored analyses
are made again. A module of its own, so that the store learns it without loading the analysis engine."""

ANALYZER_VERSION = "12"  # 12: dates, span side: TimeML non-markables left out (time words in names and
# titles, "today's youth", "the future of", "Now for", growth rates "12% annually"); new spans ("April 24 and
# 25", "soon", "a later date", "over the years", "the weeks ahead", "day-long", "the latest fiscal year").
# Value side: "a year ago" compares with the quarter reported, modals, "is due in", quarters in the future,
# generic holidays ("the Christmas trade") and years ("the year's income"); decades as TimeML writes them
# ("199", was "199X"); "that summer", "the following winter" from the time just told of; "the week of
# March 8"; "a year earlier" after "for the nine months" is that year; "In May the ..." is the month; a date
# in a relative, participial or subordinate clause takes that clause's verb ("who stepped down ... in March");
# "last year" as a quarter's comparison base, "last year's quarter" and "the 1988 period" follow the quarter
# reported; "the first two quarters of 1990" is 1990-H1; "the ministers meet Monday" looks ahead.
# "last summer" is the latest summer over before publication; "more than 500 people died last year" is
# a qualified count, not a comparison; "than in 2019" and "as many as in the winter before" are
# comparison bases.
# 11: dates: weekday + part of day a TIME, tense of fronted and possessive dates,
# timetable present ("opens in June"), split ranges, "about" outside durations, "current" PRESENT_REF.
# 10: organisations from statements, table rows; faith groups. 9: one fact per
# sentence at its event date; anchoring by the governing clause,
# comparison flag, centuries "18"; names: sentence-initial evidence, guessed types, larger gazetteer
