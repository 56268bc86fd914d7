"""How often the reader dates an event right: its own date words against dateparser's.

    .venv/bin/python benchmarks/date_quality.py      (needs the ``eval`` extra)

Over every labelled row of the development sets that gives an event's day, reads the
report and counts the sites dated right. Then reads them again with each date
expression the reader found resolved by dateparser instead (same expressions, same
choice of which one the event's verb governs), so the two resolvers are compared on
equal terms. Prints both counts and times.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from sentence_sets import DEVELOPMENT_SETS, read_row, sentence_set

import geo.reading.reader
from geo.reading.dates import DateSpan, find_dates


def dated_right(rows) -> tuple[int, int]:
    right = total = 0
    for row in rows:
        found = read_row(row)
        for site, day in row.dates.items():
            total += 1
            right += found.get(site, (None, None))[1] == day
    return right, total


def resolved_by_dateparser(text: str, today, rules) -> list[DateSpan]:
    import dateparser

    settings = {"PREFER_DATES_FROM": "past"}
    if today is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(today, dt.time())
    spans = []
    for span in find_dates(text, today, rules):
        day = dateparser.parse(text[span.start : span.end], settings=settings)
        if day is not None:
            spans.append(DateSpan(span.start, span.end, day.date()))
    return spans


def main() -> None:
    rows = [row for name in DEVELOPMENT_SETS for row in sentence_set(name) if row.dates]
    for label in ("missionmap's date words", "dateparser"):
        if label == "dateparser":
            geo.reading.reader.find_dates = resolved_by_dateparser
        started = time.perf_counter()
        right, total = dated_right(rows)
        seconds = time.perf_counter() - started
        print(
            f"{label:<24} {right} of {total} event days right ({right / total:.3f}), {seconds:.1f} s"
        )


if __name__ == "__main__":
    main()
