"""The command line, run for real as users run it."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import REPO

from geo import __version__


def test_version(run_cli):
    result = run_cli("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_every_command_has_help_with_an_example(run_cli):
    top = run_cli("--help")
    assert top.returncode == 0
    commands = [line.split()[0] for line in top.stdout.split("Commands:")[1].strip().splitlines()]
    assert {"build", "extract", "geocode"} <= set(commands)
    for command in commands:
        result = run_cli(command, "--help")
        assert result.returncode == 0, command
        assert "Example" in result.stdout and "missionmap " in result.stdout, command


def test_build_maps_the_four_sites_of_the_seed(run_cli, seeded_project):
    project = seeded_project
    result = run_cli("build", cwd=project)
    assert result.returncode == 0, result.stderr
    mapped = {line.split()[0] for line in result.stdout.splitlines() if line.startswith("  ")}
    assert mapped == {"Bamako", "Gao", "Mopti", "Timbuktu"}
    assert (project / "maps" / "minusma.html").stat().st_size > 0


def test_build_with_no_reports_says_so_and_still_writes_an_empty_map(run_cli, project):
    result = run_cli("build", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "no readable reports in seeds/" in result.stderr
    assert "Mapped 0 sites from 0 documents" in result.stdout
    assert (project / "maps" / "minusma.html").exists()


def test_build_writes_where_told(run_cli, seeded_project, tmp_path):
    project = seeded_project
    out = tmp_path / "elsewhere" / "map.html"
    result = run_cli("build", "--out", str(out), cwd=project)
    assert result.returncode == 0, result.stderr
    assert out.exists()
    assert not (project / "maps").exists()


def test_missing_seeds_folder_is_one_line_and_exit_1(run_cli, tmp_path):
    result = run_cli("build", "--seeds", "no-such-folder", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "no-such-folder" in result.stderr and "Fix:" in result.stderr
    assert "Traceback" not in result.stderr


def test_wrong_option_exits_2(run_cli):
    result = run_cli("build", "--colour", "red")
    assert result.returncode == 2
    assert "No such option" in result.stderr
    assert "Traceback" not in result.stderr


def test_python_m_geo_and_the_console_script_agree():
    script = Path(sys.executable).parent / "missionmap"
    by_script = subprocess.run([str(script), "--version"], capture_output=True, text=True)
    by_module = subprocess.run(
        [sys.executable, "-m", "geo", "--version"], capture_output=True, text=True
    )
    assert by_script.returncode == by_module.returncode == 0
    assert by_script.stdout == by_module.stdout


def test_installed_wheel_carries_its_data_and_works_from_any_folder(tmp_path, seeded_project):
    project = seeded_project
    wheel_dir = tmp_path / "wheel"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheel_dir), str(REPO)],
        check=True,
        capture_output=True,
    )
    wheel = next(wheel_dir.glob("missionmap-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "geo/_bundled/mission.yaml" in names
    assert any(n.startswith("geo/_bundled/gazetteer/") and n.endswith(".csv") for n in names)
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    # ``project`` is a folder with seeds and no data/ of its own.
    result = subprocess.run(
        [sys.executable, "-m", "geo", "build"],
        cwd=project,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert (project / "maps" / "minusma.html").exists()


@pytest.mark.parametrize("aliases", ["UN mission in Mali", "{un: mission}", "[MINUSMA, 3]", "7"])
def test_mission_aliases_that_are_not_a_list_of_names_get_one_line_naming_the_file(
    run_cli, seeded_project, aliases
):
    data = seeded_project / "data"
    data.mkdir()
    bundled = (REPO / "data" / "mission.yaml").read_text(encoding="utf-8")
    profile = bundled.split("aliases:")[0] + f"aliases: {aliases}\n"
    (data / "mission.yaml").write_text(profile, encoding="utf-8")
    line = profile.splitlines().index(f"aliases: {aliases}") + 1
    done = run_cli("build", cwd=seeded_project)
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1
    assert f"mission.yaml:{line}: the mission's aliases must be a list of names" in done.stderr
    assert "Fix: write them as aliases:" in done.stderr
    assert not (seeded_project / "maps").exists()


USAGE_ERRORS = {
    "extra argument": ["status", "set", "Gao", "closed", "\u202eextra\x1b]0;owned\x07"],
    "bad option value": ["watch", "--debounce", "1\x1b[2J\nforged"],
    "unknown option": ["--x\x1b[2J"],
    "unknown command": ["bu\x9bild"],
}


@pytest.mark.parametrize("args", USAGE_ERRORS.values(), ids=USAGE_ERRORS.keys())
def test_click_s_usage_errors_show_what_was_typed_safely(run_cli, project, args):
    result = run_cli(*args, cwd=project)
    assert result.returncode == 2
    error_line = result.stderr.splitlines()[-1]
    assert error_line.startswith("Error: ") and "Traceback" not in result.stderr
    assert not any(ch in result.stderr for ch in "\x1b\x07\x9b\u202e")
    assert "\\x1b" in error_line or "\\x9b" in error_line
