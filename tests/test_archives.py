"""Archives of reports: JSON Lines, zip and tar.gz, read one report at a time, within bounds.

Real archives written in a temporary folder, the real reader and the real command
line; the Dask test starts a real local cluster of two worker processes.
"""

from __future__ import annotations

import io
import json
import os
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO

from geo.archives import JsonFields, read_seeds
from geo.cli import main
from geo.documents import DEFAULT_BOUNDS, with_language
from geo.errors import DocumentError
from geo.model import Document, ReportBounds
from geo.pipeline import run
from geo.project import open_project
from geo.tally import KEPT_PER_DAY

REPORTS = {
    "menaka.md": (
        "Ménaka handed over",
        "2023-08-28",
        "MINUSMA handed over its camp in Ménaka to the Malian authorities on Friday.",
    ),
    "tessalit.md": (
        "Tessalit next",
        "2023-10-20",
        "The mission will leave its camp in Tessalit next week.",
    ),
    "ogossagou.md": (
        "Ogossagou closed",
        "2023-07-30",
        "Peacekeepers vacated the Ogossagou temporary base on Saturday.",
    ),
}


def report_file(title: str, date: str, text: str) -> str:
    return f"---\ntitle: {title}\ndate: {date}\n---\n{text}\n"


def jsonl_line(title: str, date: str, text: str) -> str:
    # The text as a report file holds it after its front matter, with its last newline.
    return json.dumps({"title": title, "date": date, "text": text + "\n"}, ensure_ascii=False)


def read_all(seeds: Path, bounds: ReportBounds = DEFAULT_BOUNDS, **kwargs):
    reads = list(read_seeds(seeds, bounds, **kwargs))
    documents = [r for r in reads if isinstance(r, Document)]
    problems = [str(r) for r in reads if isinstance(r, DocumentError)]
    return documents, problems


def test_a_bad_json_line_is_named_by_file_and_line_and_the_rest_are_read(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    wire = tmp_path / "wire.jsonl"
    lines = [
        jsonl_line(*REPORTS["menaka.md"]),
        "{not json",
        "",
        json.dumps({"title": "no text"}),
        json.dumps({"text": "Gao closed.", "date": "2023-13-01"}),
        jsonl_line(*REPORTS["tessalit.md"]),
    ]
    wire.write_text("\n".join(lines) + "\n", encoding="utf-8")
    documents, problems = read_all(wire)
    assert [(d.path, d.title, str(d.date)) for d in documents] == [
        ("wire.jsonl:1", "Ménaka handed over", "2023-08-28"),
        ("wire.jsonl:6", "Tessalit next", "2023-10-20"),
    ]
    assert [p.split(": ")[0] for p in problems] == ["wire.jsonl:2", "wire.jsonl:4", "wire.jsonl:5"]
    assert "not valid JSON" in problems[0]
    assert "no report text in the field 'text'" in problems[1]
    assert "invalid date" in problems[2]


def test_json_field_names_are_settable(tmp_path):
    wire = tmp_path / "wire.jsonl"
    wire.write_text(json.dumps({"body": "Gao closed.", "published": "2023-12-11"}) + "\n")
    documents, problems = read_all(wire, fields=JsonFields.parse(["text=body", "date=published"]))
    assert problems == []
    assert (documents[0].text, str(documents[0].date)) == ("Gao closed.", "2023-12-11")


def test_a_line_over_the_limit_is_named_and_the_next_is_read(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    wire = tmp_path / "wire.jsonl"
    huge = json.dumps({"text": "Gao " * 100_000})
    wire.write_text(huge + "\n" + jsonl_line(*REPORTS["menaka.md"]) + "\n")
    documents, problems = read_all(wire, ReportBounds(max_bytes=1024))
    assert [d.path for d in documents] == ["wire.jsonl:2"]
    assert len(problems) == 1 and problems[0].startswith("wire.jsonl:1: line longer than")


def hostile_zip(path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("reports/menaka.md", report_file(*REPORTS["menaka.md"]))
        archive.writestr("../escape.txt", "Gao closed.")
        archive.writestr("bomb.txt", "a" * 5_000_000)  # 5 MB of text in a few kilobytes
        archive.writestr("reports/menaka.meta.yaml", "date: 2023-08-28\n")
        archive.writestr("picture.png", b"\x89PNG")


def test_a_language_left_to_detect_is_detected_where_the_report_is_read(tmp_path):
    wire = tmp_path / "wire.jsonl"
    lines = [
        json.dumps({"text": "Le camp de Gao a été remis aux autorités maliennes."}),
        json.dumps({"text": "Gao was handed over.", "lang": "fr"}),
    ]
    wire.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (undeclared, declared), _ = read_all(wire, detect=False)
    assert (undeclared.lang, undeclared.lang_detected) == ("", True)
    assert (declared.lang, declared.lang_detected) == ("fr", False)
    assert with_language(undeclared).lang == "fr"
    assert with_language(declared) is declared
    assert [d.lang for d in read_all(wire)[0]] == ["fr", "fr"]


def test_a_zip_is_read_member_by_member_and_hostile_members_are_named(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    hostile_zip(tmp_path / "batch.zip")
    documents, problems = read_all(tmp_path / "batch.zip", ReportBounds(max_bytes=64 * 1024))
    assert [d.path for d in documents] == ["batch.zip:reports/menaka.md"]
    assert documents[0].title == "Ménaka handed over"
    assert problems == [
        "batch.zip:../escape.txt: member path leads out of the archive. Fix: store reports"
        " under plain relative names, e.g. reports/a.txt.",
        "batch.zip:bomb.txt: larger than 64 KiB. Fix: split it into smaller files, or raise"
        " max_report_kb in data/mission.yaml.",
        "batch.zip:reports/menaka.meta.yaml: a metadata sidecar inside an archive is not read."
        " Fix: put its keys as front matter at the top of the report.",
    ]


def test_a_zip_member_that_lies_about_its_size_is_never_read_past_the_limit(tmp_path):
    path = tmp_path / "liar.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bomb.txt", "a" * 5_000_000)
    data = bytearray(path.read_bytes())
    # Claim 100 bytes in the central directory: the reader must still stop at the limit.
    central = data.rindex(b"PK\x01\x02")
    data[central + 24 : central + 28] = (100).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    documents, problems = read_all(path, ReportBounds(max_bytes=64 * 1024))
    assert documents == [] and len(problems) == 1


def test_a_tar_gz_is_streamed_and_links_and_climbers_are_named(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with tarfile.open(tmp_path / "batch.tar.gz", "w:gz") as archive:
        for name, text in [
            ("a/menaka.md", report_file(*REPORTS["menaka.md"])),
            ("../up.txt", "Gao closed."),
            ("a/tessalit.md", report_file(*REPORTS["tessalit.md"])),
        ]:
            data = text.encode("utf-8")
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        link = tarfile.TarInfo("a/passwd.txt")
        link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
        archive.addfile(link)
    documents, problems = read_all(tmp_path / "batch.tar.gz")
    assert [d.path for d in documents] == ["batch.tar.gz:a/menaka.md", "batch.tar.gz:a/tessalit.md"]
    assert [p.split(": ")[1].removesuffix(". Fix") for p in problems] == [
        "member path leads out of the archive",
        "not a regular file but a link or a device",
    ]


def test_a_damaged_archive_is_named_and_the_folder_still_reads(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "broken.zip").write_bytes(b"not a zip at all")
    (tmp_path / "menaka.md").write_text(report_file(*REPORTS["menaka.md"]), encoding="utf-8")
    documents, problems = read_all(tmp_path)
    assert [d.path for d in documents] == ["menaka.md"]
    assert problems[0].startswith("broken.zip: damaged or not the archive its name says")


def seeds_in(root: Path, kind: str) -> Path:
    """The three reports as a folder, one JSON Lines file, a zip or a tar.gz, under ``root``."""
    root.mkdir(parents=True)
    if kind == "folder":
        for name, parts in REPORTS.items():
            (root / name).write_text(report_file(*parts), encoding="utf-8")
        return root
    if kind == "jsonl":
        lines = [jsonl_line(*parts) for parts in REPORTS.values()]
        (root / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        return root / "wire.jsonl"
    with zipfile.ZipFile(root / "batch.zip", "w") as archive:
        for name, parts in REPORTS.items():
            archive.writestr(f"reports/{name}", report_file(*parts))
    return root / "batch.zip"


def build(project: Path, seeds: Path, *options: str) -> bytes:
    out = project / "maps" / f"{seeds.name}.html"
    result = CliRunner().invoke(
        main,
        [
            "build",
            "--seeds",
            str(seeds),
            "--data",
            str(project / "data"),
            "--out",
            str(out),
            *options,
        ],
    )
    assert result.exit_code == 0, result.output
    assert "Mapped 3 sites from 3 documents" in result.output
    return out.read_bytes()


def test_the_map_is_the_same_bytes_from_a_folder_a_json_lines_file_or_a_zip(project, parsed):
    maps = {
        kind: build(project, seeds_in(project / kind, kind)) for kind in ("folder", "jsonl", "zip")
    }
    assert maps["folder"] == maps["jsonl"] == maps["zip"]
    # The reading cache is keyed by what a report says, not where it is kept: read once.
    assert len(parsed) == len(REPORTS)


def test_a_grown_archive_reads_only_its_new_reports(project, parsed):
    wire = project / "seeds" / "wire.jsonl"
    lines = [jsonl_line(*parts) for parts in REPORTS.values()]
    wire.write_text("\n".join(lines[:2]) + "\n", encoding="utf-8")
    seeds = open_project(wire, project / "data")
    assert run(seeds).reports == 2
    parsed.clear()
    with wire.open("a", encoding="utf-8") as handle:
        handle.write(lines[2] + "\n")
    result = run(seeds)
    assert result.reports == 3
    assert [text.strip() for text in parsed] == [REPORTS["ogossagou.md"][2]]


def test_an_archive_repeating_its_reports_gives_the_map_of_the_distinct_reports(project):
    lines = [jsonl_line(*parts) for parts in REPORTS.values()]
    repeats = KEPT_PER_DAY + 2
    maps = {}
    for name, copies in (("distinct", 1), ("repeated", repeats)):
        (project / name).mkdir()
        wire = project / name / "wire.jsonl"
        wire.write_text("\n".join(lines * copies) + "\n", encoding="utf-8")
        out = project / "maps" / f"{name}.html"
        done = CliRunner().invoke(
            main,
            ["build", "--seeds", str(wire), "--data", str(project / "data"), "--out", str(out)],
        )
        assert done.exit_code == 0, done.output
        assert f"Mapped 3 sites from {3 * copies} documents" in done.output
        maps[name] = out.read_bytes()
    assert maps["distinct"] == maps["repeated"]
    result = run(open_project(project / "repeated" / "wire.jsonl", project / "data"))
    assert [(len(s.history), s.left_out) for s in result.merged.sites] == [(1, repeats - 1)] * 3
    seeds = ["--seeds", str(project / "repeated" / "wire.jsonl"), "--data", str(project / "data")]
    history = CliRunner().invoke(main, ["history", "Ménaka", *seeds])
    assert history.exit_code == 0, history.output
    assert f"and {repeats - 1} more reports saying the same on these days" in history.output


def test_many_reports_of_one_day_that_disagree_make_one_conflict_line(project, monkeypatch):
    monkeypatch.chdir(project)
    said = [
        "Peacekeepers vacated their camp in Ménaka on Friday.",
        "MINUSMA handed over its camp in Ménaka to the Malian authorities on Friday.",
        "The blue helmets left the Ménaka camp on Friday.",
        "The mission will leave its camp in Ménaka next week.",
        "The Ménaka camp was closed on Friday.",
        "The Ménaka camp was handed over to the army on Friday.",
    ]
    lines = [jsonl_line(f"Ménaka {number}", "2023-08-28", text) for number, text in enumerate(said)]
    Path("seeds/wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = CliRunner().invoke(main, ["build", "--seeds", "seeds/wire.jsonl"])
    assert done.exit_code == 0, done.output
    assert [line for line in done.stderr.splitlines() if "conflict" in line] == [
        "  conflict: Ménaka: handed over (2023-08-25, seeds/wire.jsonl:2) over 3 others"
        " (3 closed): reports of the same date disagree",
        "  conflict: Ménaka: handed over (2023-08-25, seeds/wire.jsonl:2) over pending"
        " (2023-08-28, seeds/wire.jsonl:4): a later report says pending after handed over;"
        " not applied",
    ]


def test_a_reading_keeps_its_report_without_the_text(project):
    seeds = seeds_in(project / "wire", "jsonl")
    result = run(open_project(seeds, project / "data"), cache=False)
    assert result.statements
    assert all(s.document.text == "" and len(s.document.digest) == 64 for s in result.statements)
    assert all(s.mention.document is s.document for s in result.statements)


@pytest.mark.parametrize("command", ["build", "sites"])
def test_no_progress_bar_when_output_is_not_a_terminal(seeded_project, command):
    result = CliRunner().invoke(
        main,
        [command, "--seeds", str(seeded_project / "seeds"), "--data", str(seeded_project / "data")]
        + (["--out", str(seeded_project / "maps" / "m.html")] if command == "build" else []),
    )
    assert result.exit_code == 0, result.stderr
    assert "reports/s" not in result.stderr and "\r" not in result.stderr


def test_a_local_dask_cluster_of_two_workers_gives_the_single_process_map(project, run_cli):
    # 120 reports: eight batches, sent to the workers as two tasks of several batches each
    lines = [jsonl_line(*parts) for parts in REPORTS.values()] * 40
    wire = project / "seeds" / "wire.jsonl"
    wire.write_text("\n".join(lines) + "\n", encoding="utf-8")
    maps = {}
    for name, options in (("one", []), ("dask", ["--workers", "2"])):
        out = project / "maps" / f"{name}.html"
        done = run_cli(
            "build",
            "--seeds",
            str(wire),
            "--data",
            str(project / "data"),
            "--out",
            str(out),
            "--no-cache",
            *options,
            cwd=project,
        )
        assert done.returncode == 0, done.stderr
        assert "Mapped 3 sites from 120 documents" in done.stdout
        maps[name] = out.read_bytes()
    assert maps["one"] == maps["dask"]


def test_a_progress_bar_with_reports_per_second_on_a_terminal(project):
    pexpect = pytest.importorskip("pexpect")
    wire = project / "seeds" / "wire.jsonl"
    wire.write_text("\n".join(jsonl_line(*parts) for parts in REPORTS.values()) + "\n")
    child = pexpect.spawn(
        sys.executable,
        ["-m", "geo", "build", "--seeds", str(wire), "--out", str(project / "m.html")],
        cwd=str(project),
        env={**os.environ, "PYTHONPATH": str(REPO)},
        encoding="utf-8",
        timeout=240,
    )
    shown = child.read()
    assert "3/3" in shown and "reports/s" in shown
    assert "Mapped 3 sites from 3 documents" in shown
