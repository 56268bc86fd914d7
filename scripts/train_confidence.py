"""Learn the weights of the reader's confidence from the development sets.

    .venv/bin/python scripts/train_confidence.py

Reads every development set of tests/data/status/ (the sets listed in
tests/data/status/README.md as tuned on; never a blind set), records for each
reading the facts :func:`geo.reading.confidence.features` names and whether the
reading is right, fits a logistic regression (scikit-learn, the ``eval``
extra) and writes its weights to geo/reading/confidence.json, rounded so that
the same sets give the same file. Prints the calibration on the training sets;
``benchmarks/status_quality.py --calibration`` prints it on any set.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from sentence_sets import DEVELOPMENT_SETS, GROUPS, sentence_set  # noqa: E402

from geo.extract import find_mentions  # noqa: E402
from geo.merge import strongest_per_document  # noqa: E402
from geo.model import Document  # noqa: E402
from geo.reading import read_statements  # noqa: E402
from geo.reading.confidence import features  # noqa: E402
from geo.reading.learned import LEARNED  # noqa: E402

OUT = ROOT / "geo" / "reading" / "confidence.json"


def examples() -> tuple[list[list[str]], list[int]]:
    """The features of every reading of the development sets, and whether it is right."""
    rows, right = [], []
    for name in DEVELOPMENT_SETS:
        for row in sentence_set(name):
            group = GROUPS[row.group]
            document = Document(path="report.txt", text=row.text, date=row.date, lang=row.lang)
            mentions = find_mentions(document, group.gazetteer)
            for statement in strongest_per_document(read_statements(mentions, group.context)):
                if statement.reason.kind == LEARNED:
                    continue  # its confidence is the learned model's own probability
                rows.append(features(statement.reason, statement.status))
                right.append(int(row.expect.get(statement.place.name) == statement.status.value))
    return rows, right


def main() -> None:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows, right = examples()
    vectorizer = DictVectorizer(sort=True)
    matrix = vectorizer.fit_transform([dict.fromkeys(names, 1) for names in rows])
    model = LogisticRegression(C=1.0, max_iter=1000).fit(matrix, right)
    weights = {
        name: round(float(weight), 4)
        for name, weight in zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True)
    }
    fitted = {"intercept": round(float(model.intercept_[0]), 4), "weights": weights}
    OUT.write_text(json.dumps(fitted, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(rows)} readings, {sum(right)} right; wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
