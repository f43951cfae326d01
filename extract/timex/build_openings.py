"""Build-time generator of extract/data/timex_openings.json: the openings of every grammar rule.

    python -m extract.timex.build_openings

The scanner computes the same sets itself when the file is missing or was made for another grammar
(its digest differs), so forgetting to run this only costs start-up time, never a missed expression.
"""

from __future__ import annotations

import json

from extract.timex.grammar import RULES
from extract.timex.scanner import OPENINGS_FILE, compute_openings, grammar_digest


def build() -> dict[str, object]:
    return {
        "digest": grammar_digest(),
        "openings": {rule: sorted(compute_openings(rule)) for rule, _ in RULES},
    }


def main() -> None:
    OPENINGS_FILE.write_text(json.dumps(build(), separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OPENINGS_FILE}")


if __name__ == "__main__":
    main()
