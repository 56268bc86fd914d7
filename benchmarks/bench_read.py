"""How fast reports are read: cold, from the cache, and against the regex reader it replaced.

Generates reports of realistic length (3-5 KB, English and French, from templates
with the gazetteer's Malian place names) and prints, for the spaCy reader:

- reports/s and MB/s cold (nothing cached, spaCy's pipelines already loaded),
  cold while filling the cache, and warm (every report in the cache), next to
  the regex reader of commit ce31223 run on the same reports in a subprocess
  from a temporary git worktree;
- seconds against size for one report from 10 KB to 1 MB of ordinary prose, and
  for pathological reports (one sentence with no full stop, one 48 KB token,
  8,000 bullet items, 20,000 "Mr. "), stage by stage (sentences, names, reading),
  with k in time ~ size^k between one size and the next (1: linear, 2: quadratic);
- the wall time of ``missionmap build`` on the bundled seed, cold, warm and with
  --no-cache, against the previous reader's build.

It prints figures and asserts nothing.

    .venv/bin/python benchmarks/bench_read.py
    .venv/bin/python benchmarks/bench_read.py --reports 200 --largest 100000 --budget 20
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from geo.documents import load_documents, sentences
from geo.extract import find_mentions
from geo.gazetteer import Gazetteer, load_gazetteer
from geo.model import Document
from geo.pipeline import reading_context
from geo.project import bundled_data_dir, load_mission, open_data
from geo.reading import read_statements
from geo.reading.cache import open_cache, read_cached
from geo.reading.parse import parse

REPO = Path(__file__).resolve().parent.parent
PREVIOUS = "ce31223"  # the last commit of the regex reader (geo/status.py, geo/rules/*.yaml)

# --- reports -------------------------------------------------------------------------------

PEOPLE = ["Diallo", "Traoré", "Keïta", "Coulibaly", "Maïga", "Touré", "Cissé", "Diarra", "Sidibé"]
MONTHS = {
    "en": "January February March April May June July August September October November December",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
}
WEEKDAYS = {
    "en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
    "fr": "lundi mardi mercredi jeudi vendredi samedi dimanche",
}
STATUS_SENTENCES = {
    "en": [
        "MINUSMA handed over its camp in {p} to the Malian authorities on {weekday}.",
        "The {p} base was formally transferred to the Malian armed forces {when}.",
        "On {date}, the mission retroceded the {p} camp to the transitional government.",
        "Peacekeepers handed the keys of the {p} camp to the governor during a brief ceremony.",
        "The handover of the {p} camp to the Malian army took place on {date}.",
        "The last convoy of blue helmets left {p} on {weekday}, the mission said.",
        "MINUSMA vacated its base in {p} {when}, ahead of schedule.",
        "The UN flag was lowered over the {p} camp on {date}.",
        "Peacekeepers withdrew from {p} after a tense week, and the camp was closed.",
        "The mission has closed its temporary operating base at {p}.",
        "The mission still needs to close its camps in {p} and {q} before the end of the year.",
        "MINUSMA is due to leave {p} by {date}, a spokesperson said.",
        "The withdrawal from {p} is planned for the coming weeks.",
        "Peacekeepers will hand over the {p} camp once the security situation allows.",
        "The handover of {p} has been postponed until further notice, officials said.",
        "Troops from the UN mission in Mali pulled out of {p} on {weekday} night.",
    ],
    "fr": [
        "La MINUSMA a rétrocédé son camp de {p} aux autorités maliennes {weekday}.",
        "La base de {p} a été officiellement remise aux forces armées maliennes {when}.",
        "Le {date}, la mission a transféré le camp de {p} au gouvernement de transition.",
        "Les casques bleus ont remis les clés du camp de {p} au gouverneur lors d'une cérémonie.",
        "La passation du camp de {p} à l'armée malienne a eu lieu le {date}.",
        "Le dernier convoi de casques bleus a quitté {p} {weekday}, selon la mission.",
        "La MINUSMA a évacué sa base de {p} {when}, plus tôt que prévu.",
        "Le drapeau de l'ONU a été descendu au camp de {p} le {date}.",
        "Les casques bleus se sont retirés de {p} après une semaine tendue.",
        "La mission a fermé sa base opérationnelle temporaire de {p}.",
        "La mission doit encore fermer ses emprises de {p} et de {q} d'ici la fin de l'année.",
        "La MINUSMA doit quitter {p} d'ici le {date}, a indiqué un porte-parole.",
        "Le retrait de {p} est prévu dans les prochaines semaines.",
        "Les casques bleus remettront le camp de {p} dès que la situation le permettra.",
        "La rétrocession de {p} a été reportée à une date ultérieure.",
    ],
}
OTHER_SENTENCES = {
    "en": [
        "Fighting between the army and armed groups was reported near {p} last month.",
        "Humanitarian agencies warned that the road from {p} to {q} remained dangerous.",
        "Residents of {p} told reporters that prices had risen sharply since the summer.",
        "The mission was deployed in 2013 after armed groups seized much of the north.",
        "{person}, a trader in {p}, said the markets had reopened after weeks of uncertainty.",
        "Some 80 km from {p}, a convoy struck an explosive device, officials said.",
        "The Security Council ended the mission's mandate at the request of the authorities.",
        "Analysts said the departure could leave a security vacuum in the {p} region.",
        "Mr. {person}, the mission's spokesman, declined to comment on the timetable.",
        "In {p}, schools have remained closed for most of the year.",
        "A supply convoy drove towards {p} under heavy escort on {weekday}.",
        "About 12,000 soldiers and police officers served in the mission at its peak.",
        "Aid workers in {p} said they feared for the safety of displaced families.",
        "The governor of {p} thanked the peacekeepers for a decade of work in the region.",
        "Dozens of vehicles, generators and prefabricated buildings were left behind.",
        "Local officials in {p} said they had not been told what would happen next.",
        "The army said it would deploy additional units to {p} and {q}.",
    ],
    "fr": [
        "Des combats entre l'armée et des groupes armés ont été signalés près de {p} le mois dernier.",
        "Les agences humanitaires ont averti que la route entre {p} et {q} restait dangereuse.",
        "Des habitants de {p} ont expliqué que les prix avaient fortement augmenté depuis l'été.",
        "La mission avait été déployée en 2013 après la prise du nord par des groupes armés.",
        "{person}, commerçant à {p}, a déclaré que les marchés avaient rouvert.",
        "À environ 80 km de {p}, un convoi a sauté sur un engin explosif, selon des responsables.",
        "Le Conseil de sécurité a mis fin au mandat de la mission à la demande des autorités.",
        "Selon des analystes, ce départ pourrait laisser un vide sécuritaire dans la région de {p}.",
        "M. {person}, porte-parole de la mission, n'a pas souhaité commenter le calendrier.",
        "À {p}, les écoles sont restées fermées pendant la majeure partie de l'année.",
        "Un convoi de ravitaillement a fait route vers {p} sous forte escorte {weekday}.",
        "Environ 12 000 soldats et policiers ont servi au sein de la mission à son apogée.",
        "Des humanitaires à {p} ont dit craindre pour la sécurité des familles déplacées.",
        "Le gouverneur de {p} a remercié les casques bleus pour dix ans de travail dans la région.",
        "Des dizaines de véhicules et de bâtiments préfabriqués ont été laissés sur place.",
        "L'armée a annoncé le déploiement d'unités supplémentaires à {p} et à {q}.",
    ],
}
HEADLINES = {
    "en": [
        "MINUSMA Hands Over {p} Camp as Withdrawal Gathers Pace",
        "UN Peacekeepers Leave {p}",
        "Mali: Blue Helmets Prepare to Quit {p} and {q}",
    ],
    "fr": [
        "Mali : la MINUSMA rétrocède le camp de {p}",
        "Les casques bleus quittent {p}",
        "Retrait de la MINUSMA : {p} et {q} dans l'attente",
    ],
}
LIST_LEAD_INS = {"en": "Camps still to close:", "fr": "Emprises restant à fermer :"}
DATELINE = {"en": "{P}, Mali (Example Wire) — ", "fr": "{P}, Mali (Agence Exemple) — "}


def place_names(gazetteer: Gazetteer, country: str) -> list[str]:
    """The names of the mission country's towns and sites."""
    return sorted(
        {
            p.name
            for p in gazetteer.places
            if p.country == country and p.feature_class in ("P", "S") and len(p.name) >= 3
        }
    )


def report(rng: random.Random, lang: str, places: list[str], size: int) -> tuple[str, dt.date]:
    """A report of about ``size`` bytes in ``lang``, and its date."""
    date = dt.date(2023, 7, 1) + dt.timedelta(days=rng.randrange(180))

    def fill(template: str) -> str:
        p, q = rng.sample(places, 2)
        day = date - dt.timedelta(days=rng.randrange(1, 20))
        month = MONTHS[lang].split()[day.month - 1]
        return template.format(
            p=p,
            q=q,
            P=p.upper(),
            person=rng.choice(PEOPLE),
            weekday=WEEKDAYS[lang].split()[day.weekday()],
            date=f"{day.day} {month}",
            when=rng.choice(["last week", "on Friday", "earlier this month"])
            if lang == "en"
            else rng.choice(["la semaine dernière", "vendredi", "plus tôt ce mois-ci"]),
        )

    parts = [fill(rng.choice(HEADLINES[lang]))] if rng.random() < 0.3 else []
    paragraph = fill(DATELINE[lang]) if rng.random() < 0.5 else ""
    while len("\n\n".join(parts).encode()) < size:
        sentences_ = [
            fill(
                rng.choice(STATUS_SENTENCES[lang] if rng.random() < 0.3 else OTHER_SENTENCES[lang])
            )
            for _ in range(rng.randint(2, 5))
        ]
        parts.append(paragraph + " ".join(sentences_))
        paragraph = ""
        if rng.random() < 0.1:
            items = "\n".join(f"- {name}" for name in rng.sample(places, 3))
            parts.append(f"{LIST_LEAD_INS[lang]}\n{items}")
    return "\n\n".join(parts) + "\n", date


def write_reports(folder: Path, count: int, places: list[str], seed: int) -> int:
    """``count`` reports of 3-5 KB, two in five in French, with their metadata; their bytes."""
    rng = random.Random(seed)
    total = 0
    for number in range(count):
        lang = "fr" if rng.random() < 0.4 else "en"
        text, date = report(rng, lang, places, rng.randint(3000, 4800))
        total += len(text.encode())
        front = f"---\ndate: {date.isoformat()}\nlang: {lang}\n---\n"
        (folder / f"report-{number:05d}.md").write_text(front + text, encoding="utf-8")
    return total


# --- the previous reader, in a worktree of its commit ------------------------------------------

PREVIOUS_READER = """
import json, sys, time
from pathlib import Path
import geo
from geo.documents import load_documents
from geo.extract import find_mentions
from geo.gazetteer import load_gazetteer
from geo.project import load_mission, open_project
from geo.status import read_statements

if not geo.__file__.startswith(sys.argv[2]):
    sys.exit(f"measured the wrong geo: {geo.__file__}")
project = open_project(sys.argv[1], "data")
mission = load_mission(project)
gazetteer = load_gazetteer(project.gazetteer_dir, mission.country)  # that release: one country
documents = load_documents(project.seeds).documents
started = time.perf_counter()
mentions = [m for d in documents for m in find_mentions(d, gazetteer)]
found = time.perf_counter()
statements = read_statements(mentions, mission.country, (mission.name, mission.slug))
read = time.perf_counter()
print(json.dumps({"documents": len(documents), "mentions": found - started,
                  "read": read - found, "statements": len(statements)}))
"""


@contextmanager
def previous_checkout(folder: Path) -> Iterator[Path]:
    """A detached worktree of the previous reader's commit, removed afterwards."""
    tree = folder / "previous"
    subprocess.run(
        ["git", "-C", str(REPO), "worktree", "add", "--detach", "--quiet", str(tree), PREVIOUS],
        check=True,
    )
    try:
        yield tree
    finally:
        subprocess.run(
            ["git", "-C", str(REPO), "worktree", "remove", "--force", str(tree)], check=True
        )


def previous_env(tree: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(tree)}


def read_with_previous(tree: Path, seeds: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", PREVIOUS_READER, str(seeds), str(tree)],
        cwd=tree,
        env=previous_env(tree),
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        sys.exit(f"the previous reader failed:\n{done.stderr}")
    return json.loads(done.stdout)


# --- measuring ---------------------------------------------------------------------------------


def timed(action: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    value = action()
    return time.perf_counter() - started, value


def load_pipelines() -> None:
    """Load spaCy's pipelines before timing: cold means nothing cached, not a cold start."""
    for lang in ("en", "fr"):
        parse(["The camp was handed over."], lang)


def rate_line(label: str, seconds: float, reports: int, megabytes: float) -> str:
    return (
        f"  {label:<44} {seconds:8.2f} s  {reports / seconds:9.1f} reports/s"
        f"  {megabytes / seconds:7.3f} MB/s"
    )


def throughput(count: int, seed: int, folder: Path, tree: Path | None) -> None:
    gazetteer = load_gazetteer(bundled_data_dir() / "gazetteer", "ML")
    context = reading_context(load_mission(open_data(bundled_data_dir())), gazetteer)
    seeds = folder / "seeds"
    seeds.mkdir()
    size = write_reports(seeds, count, place_names(gazetteer, "ML"), seed)
    megabytes = size / 1e6
    documents = load_documents(seeds).documents
    french = sum(d.lang == "fr" for d in documents)
    print(
        f"{count} reports, {megabytes:.2f} MB ({size / count / 1000:.1f} KB each on average,"
        f" {french} in French)"
    )
    load_pipelines()
    names_time, found = timed(lambda: [(d, find_mentions(d, gazetteer)) for d in documents])
    mentions = [m for _, in_document in found for m in in_document]
    cold, statements = timed(lambda: read_statements(mentions, context))
    cache = open_cache(folder / "cache", context, gazetteer)
    filling, _ = timed(lambda: read_cached(documents, gazetteer, context, cache))
    warm, kept = timed(lambda: read_cached(documents, gazetteer, context, cache))
    print(f"  {len(mentions)} place names, {len(statements)} statements")
    print("spaCy reader")
    print(rate_line("cold: read_statements, nothing cached", cold, count, megabytes))
    print(rate_line("cold, filling the cache", filling, count, megabytes))
    print(rate_line("warm: every report in the cache", warm, count, megabytes))
    print(rate_line("finding the names (of a report not cached)", names_time, count, megabytes))
    same = [s for _, _, said in kept for s in said] == statements
    print(f"  warm gives the same statements as cold: {'yes' if same else 'NO'}")
    if tree is not None:
        previous = read_with_previous(tree, seeds)
        print(f"regex reader of {PREVIOUS} ({previous['statements']} statements)")
        print(rate_line("read_statements", previous["read"], count, megabytes))
        print(rate_line("finding the names", previous["mentions"], count, megabytes))


# --- size ----------------------------------------------------------------------------------------


def prose(size: int, seed: int, places: list[str]) -> str:
    """Ordinary English prose of ``size`` bytes: generated reports end to end, cut at a paragraph."""
    rng = random.Random(seed)
    text = ""
    while len(text.encode()) < size:
        text += report(rng, "en", places, 4000)[0] + "\n"
    cut = text.encode()[:size].decode(errors="ignore")
    return cut[: cut.rfind("\n\n") + 1 or len(cut)]


def no_full_stop(size: int) -> str:
    unit = "the convoy moved through Gao and Timbuktu while peacekeepers waited for orders "
    return (unit * (size // len(unit) + 1))[:size]


def long_token(size: int) -> str:
    return f"Peacekeepers left Gao on Friday. {'x' * size} was seen. MINUSMA vacated Kidal.\n"


def bullets(size: int) -> str:
    return "Camps still to close:\n" + "- Gao\n" * (size // 6)


def dated_lines(size: int) -> str:
    """Lines that each open with a place and a date, none with a full stop: each may be a
    dateline, each one asked about all the lines before it."""
    line = "Gao, March 3 - quiet\n\n"
    return "Situation report\n\n" + line * (size // len(line))


def titles(size: int) -> str:
    return "Mr. " * (size // 4) + "Diallo said the mission left Gao.\n"


def stages(text: str, gazetteer: Gazetteer, context) -> tuple[float, float, float, int, int]:
    """Seconds to split ``text`` into sentences, find its names and read it; sentences, names."""
    document = Document(path="bench.txt", text=text, date=dt.date(2023, 12, 11))
    split, found = timed(lambda: sentences(text))
    naming, mentions = timed(lambda: find_mentions(document, gazetteer))
    reading, _ = timed(lambda: read_statements(mentions, context))
    return split, naming, reading, len(found), len(mentions)


def scaling(largest: int, budget: float, seed: int) -> None:
    gazetteer = load_gazetteer(bundled_data_dir() / "gazetteer", "ML")
    context = reading_context(load_mission(open_data(bundled_data_dir())), gazetteer)
    places = place_names(gazetteer, "ML")
    load_pipelines()
    kinds = [
        ("ordinary prose", lambda n: prose(n, seed, places), largest),
        ("one sentence, no full stop", no_full_stop, largest),
        ("one long token", long_token, 48_000),
        ('"- Gao" bullets', bullets, 8_000 * 6),
        ("dated lines, no full stop", dated_lines, 4_000 * 22),
        ('"Mr. " repeated', titles, 20_000 * 4),
    ]
    print(
        f"{'input':<28} {'KB':>7} {'sentences':>10} {'names':>7}"
        f" {'split s':>8} {'names s':>8} {'read s':>8} {'total s':>8} {'size^k':>7}"
    )
    for label, make, full in kinds:
        sizes = [full // 16, full // 8, full // 4, full // 2, full]
        if label == "ordinary prose":
            sizes = [s for s in (10_000, 30_000, 100_000, 300_000, 1_000_000) if s <= largest]
        previous = None  # (characters, seconds) of the size before
        for size in sizes:
            text = make(size)
            split, naming, reading, count, names = stages(text, gazetteer, context)
            total = split + naming + reading
            exponent = growth(previous, (len(text), total))
            print(
                f"{label:<28} {len(text.encode()) / 1000:>7.0f} {count:>10} {names:>7}"
                f" {split:>8.3f} {naming:>8.3f} {reading:>8.3f} {total:>8.2f}"
                f" {'' if exponent is None else f'{exponent:.1f}':>7}",
                flush=True,
            )
            if total > budget and size != sizes[-1]:
                projected = total * (sizes[-1] / size) ** (exponent or 1.0)
                print(
                    f"{'':<28} over the {budget:.0f} s budget: larger sizes skipped; at"
                    f" {sizes[-1] // 1000} KB it would take about {projected:,.0f} s"
                )
                break
            previous = (len(text), total)


def growth(before: tuple[int, float] | None, after: tuple[int, float]) -> float | None:
    """k in time ~ size^k between two measurements: 1 is linear, 2 quadratic."""
    if before is None or before[1] <= 0 or after[1] <= 0:
        return None
    return math.log(after[1] / before[1]) / math.log(after[0] / before[0])


# --- building the map ------------------------------------------------------------------------------


def build_seconds(project: Path, args: list[str], env: dict[str, str] | None = None) -> str:
    """The wall time of one ``missionmap build`` in ``project``, or why it failed."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "geo", "build", "--out", str(project / "map.html"), *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if done.returncode:
        return f"failed ({done.stderr.strip().splitlines()[-1]})"
    return f"{seconds:6.2f} s"


def builds(folder: Path, tree: Path | None) -> None:
    project = folder / "build"
    shutil.copytree(REPO / "seeds", project / "seeds")
    print("missionmap build of the bundled seed, wall time of a fresh process")
    print(f"  spaCy reader, cold (empty cache)    {build_seconds(project, [])}")
    print(f"  spaCy reader, warm (cache hit)      {build_seconds(project, [])}")
    print(f"  spaCy reader, --no-cache            {build_seconds(project, ['--no-cache'])}")
    if tree is not None:
        print(
            f"  regex reader of {PREVIOUS}          {build_seconds(project, [], previous_env(tree))}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--reports", type=int, default=1000, help="generated reports; 0 skips them [1000]"
    )
    parser.add_argument(
        "--largest", type=int, default=1_000_000, help="largest single report, bytes [1000000]"
    )
    parser.add_argument(
        "--budget",
        type=float,
        default=60.0,
        help="seconds one measurement of size may take before larger ones are skipped [60]",
    )
    parser.add_argument("--seed", type=int, default=2023, help="of the generated text [2023]")
    parser.add_argument(
        "--no-previous", action="store_true", help=f"do not measure the reader of {PREVIOUS}"
    )
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-read-") as name:
        folder = Path(name)
        if options.no_previous:
            run_all(options, folder, None)
        else:
            with previous_checkout(folder) as tree:
                run_all(options, folder, tree)


def run_all(options: argparse.Namespace, folder: Path, tree: Path | None) -> None:
    if options.reports:
        throughput(options.reports, options.seed, folder, tree)
        print()
    builds(folder, tree)
    print()
    scaling(options.largest, options.budget, options.seed)


if __name__ == "__main__":
    main()
