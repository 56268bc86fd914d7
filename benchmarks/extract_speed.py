"""How fast reports are read: sentences split, names found, statuses read.

Builds reports of growing size from the sentences of the status tests, reads
them with the bundled gazetteer, and prints sentences per second.

    .venv/bin/python benchmarks/extract_speed.py
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent / "tests"
sys.path.insert(0, str(TESTS))

from test_status import sentence_table  # noqa: E402

from geo.documents import sentences  # noqa: E402
from geo.extract import find_mentions  # noqa: E402
from geo.gazetteer import load_gazetteer  # noqa: E402
from geo.model import Document  # noqa: E402
from geo.project import bundled_data_dir  # noqa: E402
from geo.status import read_statements  # noqa: E402


def main() -> None:
    gazetteer = load_gazetteer(bundled_data_dir() / "gazetteer", "ML")
    paragraphs = [row["text"] for row in sentence_table() if row["lang"] == "en"]
    print(f"gazetteer: {len(gazetteer.places)} places, {len(gazetteer.index)} names")
    for repeats in (1, 10, 50):
        text = "\n\n".join(paragraphs * repeats)
        document = Document(path="bench.txt", text=text, date=dt.date(2023, 12, 11))
        started = time.perf_counter()
        count = len(sentences(text))
        mentions = find_mentions(document, gazetteer)
        statements = read_statements(mentions, "ML", ("MINUSMA",))
        seconds = time.perf_counter() - started
        print(
            f"{len(text) / 1000:8.0f} kB  {count:6d} sentences  {len(mentions):6d} names"
            f"  {len(statements):5d} statements  {seconds:6.2f} s"
            f"  {count / seconds:8.0f} sentences/s"
        )


if __name__ == "__main__":
    main()
