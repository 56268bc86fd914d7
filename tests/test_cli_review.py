"""``missionmap review``, run for real: a person checks the machine's readings.

The project is five short reports written for these tests (tests/data/review/seeds):
Kidal left, Tessalit closed (read across two sentences, so less certain), Ber handed
over, and two wires of the same Monday that disagree about Ménaka.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sys
from pathlib import Path

import pexpect
import pytest
from click.testing import CliRunner
from conftest import TEST_DATA, files_in

from geo.cli import main
from geo.model import Confirmation, Status
from geo.pipeline import run
from geo.project import open_project

SEEDS = TEST_DATA / "review" / "seeds"


@pytest.fixture
def five_reports(tmp_path: Path, monkeypatch) -> Path:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def cli(*args: str):
    result = CliRunner().invoke(main, [*args], catch_exceptions=False)
    return result


def queue() -> list[dict]:
    result = cli("review", "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)["queue"]


def ids_by(entries: list[dict]) -> dict[tuple[str, str], str]:
    return {(e["site"], e["status"]): e["id"] for e in entries}


def sites(project: Path) -> dict[str, tuple[Status, Confirmation, str]]:
    """What the map would show: each site's status, confirmation and source."""
    result = run(open_project(project / "seeds", project / "data"), cache=False)
    return {
        s.place.name: (s.status, s.confirmation, s.evidence.source) for s in result.merged.sites
    }


def test_the_queue_puts_the_disagreement_first_and_says_why(five_reports):
    entries = queue()
    assert [(e["site"], e["status"], e["weight"]) for e in entries] == [
        ("Ménaka", "pending", "conflicting reports"),
        ("Ménaka", "handed over", "conflicting reports"),
        ("Tessalit", "closed", "the map rests on it"),
        ("Kidal", "closed", "the map rests on it"),
        ("Ber", "handed over", "the map rests on it"),
    ]
    first = entries[0]
    assert set(first) >= {"id", "site", "status", "date", "confidence", "document", "evidence"}
    assert first["document"] == "seeds/05_menaka_b.md"
    assert first["date"] == "2023-11-20"
    assert first["conflicting"][0]["source"] == "seeds/04_menaka_a.md"
    assert first["reason"]["cue"]
    tessalit = entries[2]
    assert tessalit["confirmation"] == "unconfirmed"
    assert tessalit["confidence"] < 0.9 <= entries[3]["confidence"]


def test_a_new_user_accepts_two_rejects_one_corrects_one_and_the_map_follows(five_reports):
    before = sites(five_reports)
    assert before["Tessalit"][1] is Confirmation.UNCONFIRMED
    assert before["Kidal"][1] is Confirmation.READ
    ids = ids_by(queue())
    assert cli("review", "accept", ids["Kidal", "closed"], "--by", "Awa").exit_code == 0
    assert cli("review", "accept", ids["Ber", "handed over"][:4], "--by", "Awa").exit_code == 0
    assert cli("review", "reject", ids["Ménaka", "pending"], "--by", "Awa").exit_code == 0
    corrected = cli(
        "review", "correct", ids["Tessalit", "closed"], "handed over", "--date", "2023-10-22"
    )
    assert corrected.exit_code == 0
    assert (
        "Corrected" in corrected.output and "Tessalit handed over (2023-10-22)" in corrected.output
    )

    expected = {
        "Kidal": (Status.CLOSED, Confirmation.CONFIRMED, "seeds/01_kidal.md"),
        "Ber": (Status.HANDED_OVER, Confirmation.CONFIRMED, "seeds/03_ber.md"),
        "Ménaka": (Status.HANDED_OVER, Confirmation.READ, "seeds/04_menaka_a.md"),
        "Tessalit": (Status.HANDED_OVER, Confirmation.CONFIRMED, ""),
    }
    after = sites(five_reports)
    assert {name: value[:2] for name, value in after.items()} == {
        name: value[:2] for name, value in expected.items()
    }
    assert after["Tessalit"][2].startswith("manual: ")
    assert after["Tessalit"][2].endswith(", correcting seeds/02_tessalit.md")
    assert [(e["site"], e["status"]) for e in queue()] == [("Ménaka", "handed over")]

    # A renamed report, a build from scratch and another look at the queue keep every decision.
    (five_reports / "seeds" / "01_kidal.md").rename(five_reports / "seeds" / "kidal-2023.md")
    shutil.rmtree(five_reports / ".missionmap-cache", ignore_errors=True)
    assert cli("build").exit_code == 0
    renamed = sites(five_reports)
    assert renamed["Kidal"][:2] == (Status.CLOSED, Confirmation.CONFIRMED)
    assert renamed["Kidal"][2] == "seeds/kidal-2023.md"
    assert {name: value[:2] for name, value in renamed.items()} == {
        name: value[:2] for name, value in expected.items()
    }
    assert [(e["site"], e["status"]) for e in queue()] == [("Ménaka", "handed over")]


def test_history_shows_every_decision_with_who_and_when(five_reports):
    ids = ids_by(queue())
    cli("review", "reject", ids["Ménaka", "pending"], "--by", "Awa Traoré")
    result = cli("history", "Ménaka", "--json")
    (decision,) = json.loads(result.output)["decisions"]
    assert decision["verdict"] == "reject"
    assert decision["by"] == "Awa Traoré"
    assert decision["report"] == "seeds/05_menaka_b.md"
    decided = dt.datetime.strptime(decision["decided"], "%Y-%m-%dT%H:%M:%SZ")
    assert abs(decided - dt.datetime.now(dt.UTC).replace(tzinfo=None)) < dt.timedelta(minutes=5)
    text = cli("history", "Ménaka").output
    assert "Awa Traoré rejected Ménaka pending (2023-11-20), seeds/05_menaka_b.md" in text


def test_without_a_terminal_the_queue_is_listed_with_how_to_decide(five_reports):
    result = cli("review")
    assert result.exit_code == 0
    assert result.output.startswith("5 reading(s) await review, most consequential first:")
    assert "missionmap review accept ID" in result.output
    # The quote holds both sentences: Tessalit is named in one and closed in the next.
    assert (
        "“Tessalit, in the far north, was the next site on the list."
        " It was closed on Saturday after a convoy left under fire.”"
    ) in result.output
    assert "why: close (verb), past, agent unstated, next sentence" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["accept", "0000000000"], "no reading has this id: '0000000000'"),
        (["reject", "abc"], "no reading has this id: 'abc'"),
        (["correct", "{tessalit}", "abandoned"], "unknown STATUS: 'abandoned'"),
        (["correct", "{tessalit}", "closed", "--date", "2999-01-01"], "--date is in the future"),
        (["correct", "{tessalit}", "closed", "--date", "22/10/2023"], "is not a calendar date"),
        (["accept", "{tessalit}", "--by", " "], "empty name of who decided"),
    ],
)
def test_bad_input_gets_one_line_and_nothing_is_written(five_reports, args, message):
    tessalit = ids_by(queue())["Tessalit", "closed"]
    cli("review", "accept", ids_by(queue())["Kidal", "closed"])
    data_before = files_in(five_reports / "data")
    result = CliRunner().invoke(main, ["review", *(a.format(tessalit=tessalit) for a in args)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("missionmap: error: ")
    assert message in lines[0]
    assert files_in(five_reports / "data") == data_before


def test_a_reviews_file_edited_into_nonsense_stops_every_command_with_its_line(five_reports):
    cli("review", "accept", ids_by(queue())["Kidal", "closed"])
    path = five_reports / "data" / "reviews.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",accept,", ",approve,"), "utf-8")
    before = files_in(five_reports / "data")
    for command in (["review"], ["build"], ["review", "reject", "abcd"]):
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 1
        assert "reviews.csv:2: unknown verdict: 'approve'" in result.output
    assert files_in(five_reports / "data") == before


def test_one_key_per_reading_in_a_real_terminal(five_reports):
    """A pseudo-terminal drives the queue as a person would, key by key."""
    env = {**os.environ, "TERM": "dumb", "GIT_CONFIG_GLOBAL": os.devnull}
    child = pexpect.spawn(
        sys.executable,
        ["-m", "geo", "review", "--by", "Awa"],
        cwd=five_reports,
        env=env,
        encoding="utf-8",
        timeout=120,
    )
    prompt = r"\[a\]ccept  \[r\]eject  \[c\]orrect  \[s\]kip  \[q\]uit \? "
    child.expect(r"\[1/5\] [0-9a-f]{10}  Ménaka: pending")
    child.expect("disagrees with: handed over in seeds/04_menaka_a.md")
    child.expect(prompt)
    child.send("x")  # not a choice: nothing happens
    child.send("r")
    child.expect("Rejected [0-9a-f]{10}: Ménaka pending")
    child.expect(r"\[2/5\].*Ménaka: handed over")
    child.expect(prompt)
    child.send("a")
    child.expect(r"\[3/5\].*Tessalit: closed.*unconfirmed")
    child.expect("on the map now: closed, resting on this reading")
    child.expect(prompt)
    child.send("c")
    child.expect(r"status: \[h\]anded over  \[c\]losed  \[p\]ending \? ")
    child.send("h")
    child.expect(r"date \[2023-10-21\]: ")
    child.sendline("2023-13-01")
    child.expect("date is not a calendar date")
    child.expect(r"date \[2023-10-21\]: ")
    child.sendline("")
    child.expect("Corrected [0-9a-f]{10}: Tessalit handed over \\(2023-10-21\\)")
    child.expect(r"\[4/5\].*Kidal")
    child.expect(prompt)
    child.send("s")
    child.expect(r"\[5/5\].*Ber")
    child.expect(prompt)
    child.send("q")
    child.expect("3 decision\\(s\\) recorded in data/reviews.csv")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    rows = (five_reports / "data" / "reviews.csv").read_text(encoding="utf-8").splitlines()
    assert [row.split(",")[1:3] for row in rows[1:]] == [
        ["reject", "pending"],
        ["accept", "handed over"],
        ["correct", "handed over"],
    ]
    after = sites(five_reports)
    assert after["Ménaka"][:2] == (Status.HANDED_OVER, Confirmation.CONFIRMED)
    assert after["Tessalit"][:2] == (Status.HANDED_OVER, Confirmation.CONFIRMED)
    assert after["Kidal"][:2] == (Status.CLOSED, Confirmation.READ)
    assert [(e["site"], e["status"]) for e in queue()] == [
        ("Kidal", "closed"),
        ("Ber", "handed over"),
    ]
