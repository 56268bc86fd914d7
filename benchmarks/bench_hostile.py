"""What hostile text costs each stage, against ordinary prose of the same size.

A report is untrusted: thousands of bullets, one endless token, a run of titles
("Mr. Mr. Mr. ...") or of punctuation must cost about what prose of the same length
costs, never the square of its length. For each case this prints the seconds the
documents stage (sentence splitting and list lead-ins), the name finder and,
with ``--read``, the reader take, and the ratio to prose of the same size read in
the same run; a ratio near 1 (or below) is linear, one that grows with ``--scale``
is not.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_hostile.py [--scale 1] [--read]
"""

from __future__ import annotations

import argparse
import datetime as dt
import time

from geo.documents import lead_ins, sentences
from geo.extract import find_mentions
from geo.gazetteer import load_gazetteer
from geo.model import Document
from geo.pipeline import reading_context
from geo.project import Project, bundled_data_dir, load_mission
from geo.reading import read_statements

PROSE = (
    "The mission handed over its camp in Gao to the national authorities last week, "
    "a spokesman said. Convoys left Timbuktu for Mopti on Tuesday. "
)


def cases(size: int) -> dict[str, str]:
    """Hostile texts of about ``size`` characters each, by name."""

    def repeat(unit: str) -> str:
        return unit * max(1, size // len(unit))

    return {
        "prose": repeat(PROSE),
        "bullets '- Gao'": "Sites still to close:\n" + repeat("- Gao\n"),
        "one token": "Gao " + "x" * size + " closed.",
        "dotted token": "a." * (size // 2) + " Gao closed.",
        "'Mr. ' run": repeat("Mr. ") + "Gao closed.",
        "'?!' run": "Gao closed" + "?!" * (size // 2) + "x",
        "no spaces": repeat("Gao,closed;"),
        "one line per word": repeat("Gao\n"),
        "blank lines": repeat("Gao\n\n\n"),
        "headings": repeat("# Gao\n"),
    }


def seconds(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="1 = 48 KB per case")
    parser.add_argument("--read", action="store_true", help="also time the reader (spaCy)")
    args = parser.parse_args()
    size = int(48_000 * args.scale)
    project = Project(data=bundled_data_dir())
    mission = load_mission(project)
    gazetteer = load_gazetteer(project.gazetteer_dir, mission.country)
    context = reading_context(mission, gazetteer)
    # The first call loads the lexicons; it is not what any case costs.
    find_mentions(Document(path="warm-up", text=PROSE), gazetteer)
    stages = ["documents", "names"] + (["reader"] if args.read else [])
    print(f"{size:,} characters per case; seconds, and the ratio to prose of the same size")
    print(f"{'case':<20}" + "".join(f"{stage:>20}" for stage in stages))
    baseline: dict[str, float] = {}
    for name, text in cases(size).items():
        document = Document(path=name, text=text, date=dt.date(2023, 12, 11))
        timings = {
            "documents": seconds(lambda t=text: lead_ins(t, sentences(t + " "))),
            "names": seconds(lambda d=document: find_mentions(d, gazetteer)),
        }
        if args.read:
            mentions = find_mentions(document, gazetteer)
            timings["reader"] = seconds(lambda m=mentions: list(read_statements(m, context)))
        baseline = baseline or timings
        cells = "".join(
            f"{timings[s]:>10.3f}s ×{timings[s] / max(baseline[s], 1e-6):>6.1f}" for s in stages
        )
        print(f"{name:<20}{cells}")


if __name__ == "__main__":
    main()
