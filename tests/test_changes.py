"""The change report: what a build says changed since the previous build of the same map."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import files_in

from geo.changes import Change, SiteState, changes, read_state, state_json, state_path
from geo.errors import DataError
from geo.model import Status

REGISTER_DATA = Path(__file__).resolve().parent / "data" / "register"
FIRST_REPORT = "2023-12-11_withdrawal.txt"
FIRST = "seeds/" + FIRST_REPORT

GAO = SiteState("2457163", "Gao", Status.PENDING, "2023-12-11", FIRST)
MOPTI = SiteState("2453348", "Mopti", Status.HANDED_OVER, "2023-12-11", FIRST)


def test_no_change_when_nothing_changed_not_even_the_proof():
    newer_proof = SiteState("2457163", "Gao", Status.PENDING, "2024-01-05", "seeds/b.txt")
    assert changes([GAO, MOPTI], [newer_proof, MOPTI]) == []


def test_new_changed_and_gone_sites():
    gao_later = SiteState("2457163", "Gao", Status.HANDED_OVER, "2024-07-22", "manual: ops")
    kidal = SiteState("2455290", "Kidal", Status.CLOSED, "2023-10-31", "seeds/k.txt")
    found = changes([GAO, MOPTI], [gao_later, kidal])
    assert found == [Change(GAO, gao_later), Change(None, kidal), Change(MOPTI, None)]
    assert [c.describe() for c in found] == [
        "Gao: pending → handed over (2024-07-22, manual: ops)",
        "new site: Kidal, closed (2023-10-31, seeds/k.txt)",
        "no longer mapped: Mopti (was handed over)",
    ]


def test_the_state_file_reads_back_and_is_deterministic(tmp_path):
    path = state_path(tmp_path / "maps" / "minusma.html")
    assert path.name == "minusma.sites.json"
    path.parent.mkdir()
    path.write_text(state_json([GAO, MOPTI]), encoding="utf-8")
    assert read_state(path) == (GAO, MOPTI)
    assert state_json(read_state(path)) == state_json([GAO, MOPTI])


def test_no_state_file_means_no_previous_build(tmp_path):
    assert read_state(tmp_path / "minusma.sites.json") == ()


@pytest.mark.parametrize(
    "text",
    [
        "{",
        '{"sites": [{"id": 1}]}',
        '{"sites": [{"id": "1", "site": "Gao", "status": "gone", "date": null, "source": "x"}]}',
        "[]",
    ],
)
def test_a_damaged_state_file_is_a_data_error_with_a_fix(tmp_path, text):
    path = tmp_path / "minusma.sites.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as refused:
        read_state(path)
    assert "minusma.sites.json" in str(refused.value) and "Fix: delete" in str(refused.value)


# -- the build command, run for real ----------------------------------------------------------


def add_report(project: Path, name: str) -> None:
    shutil.copy(REGISTER_DATA / name, project / "seeds" / name)


def change_lines(stdout: str) -> list[str]:
    return [
        line
        for line in stdout.splitlines()
        if " → " in line or line.startswith(("new site: ", "no longer mapped: "))
    ]


def test_the_first_build_reports_every_site_as_new(run_cli, project):
    add_report(project, FIRST_REPORT)
    result = run_cli("build", cwd=project)
    assert result.returncode == 0, result.stderr
    assert change_lines(result.stdout) == [
        f"new site: Bamako, closed (2023-12-11, {FIRST})",
        f"new site: Gao, pending (2023-12-11, {FIRST})",
        f"new site: Mopti, handed over (2023-12-11, {FIRST})",
        f"new site: Timbuktu, pending (2023-12-11, {FIRST})",
    ]
    assert (project / "maps" / "minusma.sites.json").exists()


def build_after(run_cli, project: Path, change: Callable[[], object]):
    """Build from the first report, make ``change``, build again: the second build's result."""
    add_report(project, FIRST_REPORT)
    assert run_cli("build", cwd=project).returncode == 0
    change()
    result = run_cli("build", cwd=project)
    assert result.returncode == 0, result.stderr
    return result


def set_status(run_cli, project: Path, *args: str) -> None:
    entry = run_cli("status", "set", *args, cwd=project)
    assert entry.returncode == 0, entry.stderr


def test_a_rebuild_with_nothing_new_reports_nothing_and_writes_the_same_bytes(run_cli, project):
    maps = project / "maps"
    before = {}
    result = build_after(run_cli, project, lambda: before.update(files_in(maps)))
    assert change_lines(result.stdout) == []
    assert files_in(maps) == before


def test_a_new_dated_report_flips_a_site_and_the_build_says_so(run_cli, project):
    result = build_after(run_cli, project, lambda: add_report(project, "2024-07-22_gao.txt"))
    assert change_lines(result.stdout) == [
        "Gao: pending → handed over (2024-07-22, seeds/2024-07-22_gao.txt)"
    ]


def test_a_manual_entry_flips_a_site_and_the_build_says_so(run_cli, project):
    entry = ("Tombouctou", "handed over", "--date", "2023-12-28", "--source", "Lt Diallo, by phone")
    result = build_after(run_cli, project, lambda: set_status(run_cli, project, *entry))
    assert change_lines(result.stdout) == [
        "Timbuktu: pending → handed over (2023-12-28, manual: Lt Diallo, by phone)"
    ]


def test_a_manual_step_back_is_applied_reported_and_flagged_as_a_conflict(run_cli, project):
    entry = ("Mopti", "pending", "--date", "2023-12-20")
    result = build_after(run_cli, project, lambda: set_status(run_cli, project, *entry))
    assert change_lines(result.stdout) == ["Mopti: handed over → pending (2023-12-20, manual)"]
    assert (
        "conflict: Mopti: pending (2023-12-20, manual) over handed over (2023-12-11,"
        " seeds/2023-12-11_withdrawal.txt): manual entry moves it back from handed over to pending"
        in result.stderr
    )


def test_a_removed_report_takes_its_sites_off_and_the_build_says_so(run_cli, project):
    result = build_after(run_cli, project, lambda: (project / "seeds" / FIRST_REPORT).unlink())
    assert change_lines(result.stdout) == [
        "no longer mapped: Bamako (was closed)",
        "no longer mapped: Gao (was pending)",
        "no longer mapped: Mopti (was handed over)",
        "no longer mapped: Timbuktu (was pending)",
    ]


def test_the_report_compares_with_the_same_output_only(run_cli, project):
    add_report(project, FIRST_REPORT)
    assert run_cli("build", cwd=project).returncode == 0
    elsewhere = run_cli("build", "--out", "other/map.html", cwd=project)
    assert len(change_lines(elsewhere.stdout)) == 4
    assert (project / "other" / "map.sites.json").exists()


def test_a_damaged_state_file_warns_and_the_build_goes_on(run_cli, project):
    add_report(project, FIRST_REPORT)
    (project / "maps").mkdir()
    (project / "maps" / "minusma.sites.json").write_text("{", encoding="utf-8")
    result = run_cli("build", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "warning:" in result.stderr and "minusma.sites.json" in result.stderr
    assert len(change_lines(result.stdout)) == 4
    assert read_state(project / "maps" / "minusma.sites.json")
