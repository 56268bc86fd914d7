"""``missionmap watch``, as a real process on real files: it follows, reports, and survives."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from geo.cli.watch import rebuild

REGISTER_DATA = Path(__file__).resolve().parent / "data" / "register"
WAIT_SECONDS = 60


class Watcher:
    """A running ``missionmap watch`` whose output (stdout and stderr) is read line by line."""

    def __init__(self, project: Path, *args: str) -> None:
        command = [sys.executable, "-m", "geo", "watch", "--debounce", "200", *args]
        self.process = subprocess.Popen(
            command,
            cwd=project,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            bufsize=1,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, text: str) -> list[str]:
        """The lines printed until one containing ``text``; fails after a minute."""
        printed = []
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.5)
            except queue.Empty:
                continue
            printed.append(line)
            self.seen.append(line)
            if text in line:
                return printed
        raise AssertionError(f"no {text!r} within {WAIT_SECONDS}s; watch printed: {self.seen}")

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=WAIT_SECONDS)


def save(path: Path, data: bytes) -> None:
    """Write ``path`` as an editor saves: a temporary in the same folder, renamed over it.

    A plain write lets the watcher see a half-written file and build from it.
    The temporary's name (a dot first, ``.tmp`` last) is one watch ignores.
    """
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def add_seed(project: Path, name: str) -> None:
    save(project / "seeds" / name, (REGISTER_DATA / name).read_bytes())


@pytest.fixture
def watched(project):
    add_seed(project, "2023-12-11_withdrawal.txt")
    watcher = Watcher(project)
    watcher.wait_for("Watching")
    yield watcher
    watcher.process.kill()
    watcher.process.wait()


def test_a_new_dated_report_flips_a_status_and_watch_says_so(watched, project):
    add_seed(project, "2024-07-22_gao.txt")
    printed = watched.wait_for("Gao: pending → handed over")
    assert "Gao: pending → handed over (2024-07-22, seeds/2024-07-22_gao.txt)" in printed
    assert watched.stop() == 0


def test_a_manual_entry_is_followed_too(watched, project, run_cli):
    entry = run_cli("status", "set", "Tombouctou", "closed", "--date", "2024-01-02", cwd=project)
    assert entry.returncode == 0, entry.stderr
    watched.wait_for("Timbuktu: pending → closed (2024-01-02, manual)")


def test_a_broken_report_is_reported_the_map_stays_and_watching_goes_on(watched, project):
    map_file = project / "maps" / "minusma.html"
    before = map_file.read_bytes(), (project / "maps" / "minusma.sites.json").read_bytes()

    add_seed(project, "latin1_report.txt")
    printed = watched.wait_for("Kept the last map")
    assert any("seeds/latin1_report.txt:1: not UTF-8 text" in line for line in printed)
    assert (map_file.read_bytes(), (project / "maps" / "minusma.sites.json").read_bytes()) == before

    (project / "seeds" / "latin1_report.txt").unlink()
    add_seed(project, "2024-07-22_gao.txt")
    watched.wait_for("Gao: pending → handed over (2024-07-22, seeds/2024-07-22_gao.txt)")
    assert map_file.read_bytes() != before[0]


def test_a_broken_ledger_is_reported_and_the_map_stays(watched, project):
    map_file = project / "maps" / "minusma.html"
    before = map_file.read_bytes()
    save(
        project / "data" / "events.csv",
        b"site_id,site,status,date,source,evidence,recorded\n,Gao,shut,2023-12-20,manual,,\n",
    )
    printed = watched.wait_for("Kept the last map")
    assert any("events.csv:2: unknown status: 'shut'" in line for line in printed)
    assert map_file.read_bytes() == before
    assert watched.process.poll() is None


def test_watch_stops_cleanly_on_sigterm_and_sigint(project):
    add_seed(project, "2023-12-11_withdrawal.txt")
    for stop in (signal.SIGTERM, signal.SIGINT):
        watcher = Watcher(project)
        watcher.wait_for("Watching")
        watcher.process.send_signal(stop)
        watcher.wait_for("Stopped watching.")
        assert watcher.process.wait(timeout=WAIT_SECONDS) == 0


def test_watch_can_stop_after_a_number_of_builds(project):
    add_seed(project, "2023-12-11_withdrawal.txt")
    watcher = Watcher(project, "--max-builds", "2")
    watcher.wait_for("Watching")
    add_seed(project, "2024-07-22_gao.txt")
    watcher.wait_for("Gao: pending → handed over")
    watcher.wait_for("Stopped watching.")
    assert watcher.process.wait(timeout=WAIT_SECONDS) == 0


def test_a_missing_seeds_folder_is_an_error_not_a_wait(run_cli, tmp_path):
    result = run_cli("watch", "--seeds", "nowhere", cwd=tmp_path)
    assert result.returncode == 1
    assert "seeds folder not found: 'nowhere'" in result.stderr


def test_a_build_that_fails_unexpectedly_is_one_line_and_watching_goes_on(
    project, capsys, monkeypatch
):
    # No command line can pass a NUL byte, so the map path that makes writing the map
    # raise ValueError (no GeoError, no OSError) is given to one watched build directly.
    add_seed(project, "2023-12-11_withdrawal.txt")
    monkeypatch.chdir(project)
    rebuild("seeds", "data", Path("maps/a\0b.html"), cache=False)
    printed = capsys.readouterr()
    assert printed.err.splitlines() == [
        "missionmap: error: the build failed unexpectedly: ValueError: embedded null byte."
        " Fix: please report it, with the file you last changed; watching goes on",
        "Kept the last map; fix the file and save it to rebuild.",
    ]
