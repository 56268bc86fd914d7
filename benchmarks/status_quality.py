"""Precision and recall of the statuses missionmap reads from sentences.

Scores the sentence tables the tests assert (tests/data/status/sentences.yaml,
sentences_fr.yaml: 1.000 by construction, since every row is a test) and the
held-out sets that are not asserted (heldout*.yaml). Each held-out file's
header records its first, unseen score; the newest of them has never been
used to tune the rules. A (site, status) pair counts as right only when both
the site and the status match the analyst's reading; a site read from a
sentence that states nothing about it counts against precision.

    .venv/bin/python benchmarks/status_quality.py [--misses] [SET ...]

SET names the tables to score (default: all of them), e.g. ``heldout4``; so
``--misses heldout4`` shows the misses of one set without those of a set that
must stay unseen.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent / "tests"
sys.path.insert(0, str(TESTS))

from test_status import read_one, sentence_table  # noqa: E402

from geo.model import Status  # noqa: E402

ALL_SETS = [
    "sentences",
    "sentences_fr",
    "heldout",
    "heldout2",
    "heldout3",
    "heldout4",
    "heldout5",
    "heldout6",
    "heldout7",
    "heldout8",
]


def score(rows: list[dict], show_misses: bool) -> None:
    right, said, expected = Counter(), Counter(), Counter()
    for row in rows:
        read = read_one(row["text"], row["date"], row["lang"])
        found = {(site, status) for site, (status, _) in read.items()}
        wanted = set(row["expect"].items())
        for _, status in found:
            said[status] += 1
        for _, status in wanted:
            expected[status] += 1
        for _, status in found & wanted:
            right[status] += 1
        if show_misses and found != wanted:
            print(f"  miss: {row['text']}\n        read {sorted(found)}, expected {sorted(wanted)}")
    print(f"  {'status':<12} {'precision':>9} {'recall':>7}  (right / read / expected)")
    for status in [s.value for s in Status] + ["overall"]:
        if status == "overall":
            r, s, e = sum(right.values()), sum(said.values()), sum(expected.values())
        else:
            r, s, e = right[status], said[status], expected[status]
        precision = r / s if s else 1.0
        recall = r / e if e else 1.0
        print(f"  {status:<12} {precision:>9.3f} {recall:>7.3f}  ({r} / {s} / {e})")


def main() -> None:
    show_misses = "--misses" in sys.argv
    names = [arg for arg in sys.argv[1:] if arg != "--misses"] or ALL_SETS
    for name in names:
        rows = sentence_table(name)
        print(f"{name}.yaml: {len(rows)} sentences")
        score(rows, show_misses)


if __name__ == "__main__":
    main()
