"""Precision and recall of the statuses missionmap reads, per set, language and status.

    .venv/bin/python benchmarks/status_quality.py [--misses] [--calibration] [SET ...]

Scores the labelled sets of tests/data/status/ (see tests/sentence_sets.py). Each
report is read alone; a (site, status) pair counts as right only when both match
the analyst's reading, and a site read from a report that states nothing about
it counts against precision. SET names the sets to score (default: all); ``--misses`` prints
the misses of the sets scored, but never those of a blind set unless it is named. ``--calibration`` prints, over the chosen sets, the share
of right readings in each band of confidence.

Each set's role and first-run figure come from tests/data/status/sets.yaml and are
printed above its figure of today: only the first run of a set nobody had tuned on is
a blind figure.
"""

from __future__ import annotations

import itertools
import sys
from collections import Counter
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent / "tests"
sys.path.insert(0, str(TESTS))

import yaml  # noqa: E402
from sentence_sets import DATA, read_row, sentence_set  # noqa: E402

from geo.model import Status  # noqa: E402

BANDS = (0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 1.01)


def registry() -> dict:
    """tests/data/status/sets.yaml: each set's language, role and first-run figure."""
    return yaml.safe_load((DATA / "sets.yaml").read_text(encoding="utf-8"))["sets"]


def describe(name: str, entry: dict) -> str:
    first = entry.get("first_run")
    if not first:
        return f"  role: {entry['role']}"
    kind = "blind" if entry["role"] == "blind" else "blind then; tuned on since"
    line = (
        f"  role: {entry['role']}; first run ({kind}, {first['reader']} reader):"
        f" precision {first['precision']:.3f}, recall {first['recall']:.3f}"
    )
    for rewritten in entry.get("rewritten", []):
        reports = rewritten.get("reports", "all")
        noun = "report" if reports == 1 else "reports"
        line += (
            f"\n  rewritten in new words on {rewritten['date']} ({reports} {noun}); first run"
            f" on the new text ({rewritten['reader']}): precision {rewritten['precision']:.3f},"
            f" recall {rewritten['recall']:.3f}"
        )
    return line


def score(rows, show_misses: bool, readings: list) -> tuple[Counter, Counter, Counter]:
    right, said, expected = Counter(), Counter(), Counter()
    for row in rows:
        read = read_row(row)
        found = {(site, status) for site, (status, _, _) in read.items()}
        wanted = set(row.expect.items())
        for site, (status, _, conf) in read.items():
            readings.append((conf, (site, status) in wanted))
        for _, status in found:
            said[status] += 1
        for _, status in wanted:
            expected[status] += 1
        for _, status in found & wanted:
            right[status] += 1
        if show_misses and found != wanted:
            text = " ¶ ".join(row.text.splitlines())
            print(f"  miss: {text}\n        read {sorted(found)}, expected {sorted(wanted)}")
    return right, said, expected


def table(right: Counter, said: Counter, expected: Counter) -> None:
    print(f"  {'status':<12} {'precision':>9} {'recall':>7} {'F1':>6}  (right / read / expected)")
    for status in [s.value for s in Status] + ["overall"]:
        if status == "overall":
            r, s, e = sum(right.values()), sum(said.values()), sum(expected.values())
        else:
            r, s, e = right[status], said[status], expected[status]
        precision = r / s if s else 1.0
        recall = r / e if e else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"  {status:<12} {precision:>9.3f} {recall:>7.3f} {f1:>6.3f}  ({r} / {s} / {e})")


def calibration(readings: list) -> None:
    print("calibration: share of right readings per band of confidence")
    print(f"  {'confidence':<12} {'readings':>8} {'right':>6} {'share':>6}")
    for low, high in itertools.pairwise(BANDS):
        band = [ok for conf, ok in readings if low <= conf < high]
        if band:
            share = sum(band) / len(band)
            print(f"  {low:.2f}–{min(high, 1.0):.2f}   {len(band):>8} {sum(band):>6} {share:>6.3f}")
    high = [ok for conf, ok in readings if conf >= 0.9]
    if high:
        print(f"  at ≥ 0.90: {sum(high)} of {len(high)} right ({sum(high) / len(high):.3f})")


def main() -> None:
    flags = {arg for arg in sys.argv[1:] if arg.startswith("--")}
    sets = registry()
    named = [arg for arg in sys.argv[1:] if not arg.startswith("--")]
    names = named or list(sets)
    # A blind set's misses are never printed unless asked for by name: reading them is tuning.
    unseen = {name for name in names if not named and sets[name]["role"] == "blind"}
    by_language: dict[str, list[Counter]] = {}
    readings: list = []
    for name in names:
        rows = sentence_set(name)
        print(f"{name}.yaml: {len(rows)} reports ({rows[0].lang})")
        print(describe(name, sets[name]))
        counts = score(rows, "--misses" in flags and name not in unseen, readings)
        table(*counts)
        totals = by_language.setdefault(rows[0].lang, [Counter(), Counter(), Counter()])
        for total, count in zip(totals, counts, strict=True):
            total.update(count)
    if len(names) > 1:
        for lang, counts in sorted(by_language.items()):
            print(f"all chosen sets in '{lang}':")
            table(*counts)
    if "--calibration" in flags:
        calibration(readings)


if __name__ == "__main__":
    main()
