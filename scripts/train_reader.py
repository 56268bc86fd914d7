"""Learn the weights of the learned reader from the development sets.

    .venv/bin/python scripts/train_reader.py [--check]

Reads every development set of tests/data/status/ (never a blind set) with the
rules alone. Each site the rules leave unread is an example, described as
:func:`geo.reading.learned.site_features` describes it and labelled with the
status the analyst reads of that site in that report, or "none"; a site the rules
already read right is left out. A multinomial logistic regression (scikit-learn,
the ``eval`` extra) is fitted and its weights written to geo/reading/learned.json,
rounded, so that the same sets give the same file.

``--check`` writes nothing: it holds each development set out in turn, trains on
the others, and prints each held-out set's precision and recall with the rules
alone and with the model -- the honest estimate of what the model adds.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from sentence_sets import DEVELOPMENT_SETS, GROUPS, Row, sentence_set  # noqa: E402

from geo.extract import find_mentions  # noqa: E402
from geo.merge import strongest_per_document  # noqa: E402
from geo.model import Document  # noqa: E402
from geo.reading.learned import FLOOR, NONE  # noqa: E402
from geo.reading.reader import read_by_rules  # noqa: E402

OUT = ROOT / "geo" / "reading" / "learned.json"
CLASSES = [NONE, "closed", "handed over", "pending"]
# Weights smaller than this are left out of the file: they change no reading.
SMALLEST = 0.005


@dataclass(frozen=True)
class Report:
    """One labelled report: what the rules read, and the sites they left unread."""

    name: str  # its set
    row: Row
    read: dict[str, str]  # site -> status, by the rules
    unread: list[tuple[str, list[str]]]  # (site, the model's description), per mention


def reports() -> list[Report]:
    found = []
    for name in DEVELOPMENT_SETS:
        for row in sentence_set(name):
            group = GROUPS[row.group]
            document = Document(path="report.txt", text=row.text, date=row.date, lang=row.lang)
            statements, unread = read_by_rules(
                find_mentions(document, group.gazetteer), group.context
            )
            read = {s.place.name: s.status.value for s in strongest_per_document(statements)}
            described = [(mention.place.name, names) for mention, names in unread]
            found.append(Report(name, row, read, described))
    return found


def examples(chosen: list[Report]) -> tuple[list[list[str]], list[str]]:
    rows, labels = [], []
    for report in chosen:
        for site, names in report.unread:
            wanted = report.row.expect.get(site, NONE)
            if wanted != NONE and report.read.get(site) == wanted:
                continue  # the rules read it right elsewhere in the report
            rows.append(names)
            labels.append(wanted)
    return rows, labels


def fit(rows: list[list[str]], labels: list[str]):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer(sort=True)
    matrix = vectorizer.fit_transform([dict.fromkeys(names, 1) for names in rows])
    model = LogisticRegression(C=0.5, max_iter=2000).fit(matrix, labels)
    classes = [str(c) for c in model.classes_]
    weights: dict[str, dict[str, float]] = {}
    for column, name in enumerate(vectorizer.get_feature_names_out()):
        kept = {
            label: round(float(model.coef_[k][column]), 3)
            for k, label in enumerate(classes)
            if abs(model.coef_[k][column]) >= SMALLEST
        }
        if kept:
            weights[str(name)] = kept
    intercepts = [round(float(b), 3) for b in model.intercept_]
    return {"classes": classes, "intercepts": intercepts, "weights": weights}


def predict(model: dict, names: list[str]) -> tuple[str, float]:
    import math

    scores = [
        b + sum(model["weights"].get(n, {}).get(label, 0.0) for n in names)
        for label, b in zip(model["classes"], model["intercepts"], strict=True)
    ]
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    best = max(range(len(exps)), key=exps.__getitem__)
    return model["classes"][best], exps[best] / sum(exps)


ADDED: Counter = Counter()  # the held-out readings the model added: "right", "all", "p"


def score(chosen: list[Report], model: dict | None) -> tuple[int, int, int]:
    right = said = expected = 0
    for report in chosen:
        read = dict(report.read)
        if model is not None:
            guesses: dict[str, tuple[str, float]] = {}
            for site, names in report.unread:
                label, probability = predict(model, names)
                if site in read or label == NONE or probability < FLOOR:
                    continue
                if probability > guesses.get(site, ("", 0.0))[1]:
                    guesses[site] = (label, probability)
            read.update({site: label for site, (label, _) in guesses.items()})
            for site, (label, probability) in guesses.items():
                ADDED.update(all=1, right=int(report.row.expect.get(site) == label))
                ADDED["p"] += probability
        wanted = set(report.row.expect.items())
        found = set(read.items())
        right, said, expected = (
            right + len(found & wanted),
            said + len(found),
            expected + len(wanted),
        )
    return right, said, expected


def check(found: list[Report]) -> None:
    print(f"{'held out':<16} {'rules P':>8} {'rules R':>8} {'+model P':>9} {'+model R':>9}")
    totals: dict[str, Counter] = {}
    for name in DEVELOPMENT_SETS:
        held = [r for r in found if r.name == name]
        model = fit(*examples([r for r in found if r.name != name]))
        before, after = score(held, None), score(held, model)
        lang = held[0].row.lang
        for key, figures in (("rules", before), ("model", after)):
            totals.setdefault(f"{lang} {key}", Counter()).update(
                dict(zip(("right", "said", "expected"), figures, strict=True))
            )
        print(
            f"{name:<16} {ratio(before[0], before[1]):>8} {ratio(before[0], before[2]):>8}"
            f" {ratio(after[0], after[1]):>9} {ratio(after[0], after[2]):>9}"
        )
    print(
        f"readings the model added to held-out sets: {ADDED['right']} right of {ADDED['all']}"
        f" ({ratio(ADDED['right'], ADDED['all'])}); mean probability"
        f" {ADDED['p'] / max(ADDED['all'], 1):.3f}"
    )
    for key, c in sorted(totals.items()):
        print(
            f"all {key:<12} precision {ratio(c['right'], c['said'])}"
            f" recall {ratio(c['right'], c['expected'])}"
        )


def ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="cross-validate; write nothing")
    args = parser.parse_args()
    found = reports()
    if args.check:
        check(found)
        return
    rows, labels = examples(found)
    model = fit(rows, labels)
    OUT.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    counts = Counter(labels)
    print(
        f"{len(rows)} unread sites ({dict(sorted(counts.items()))}); wrote {OUT.relative_to(ROOT)}"
    )


if __name__ == "__main__":
    main()
