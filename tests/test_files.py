"""File helpers: atomic writes that leave no leftovers, and reading only regular files."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from geo.errors import DataError
from geo.files import (
    STALE_AFTER_SECONDS,
    read_regular_file,
    remove_stale_scratch,
    remove_stale_temporaries,
    replace_file,
    write_atomically,
)

KILLED_WRITER = """
import os, signal, sys
from pathlib import Path
from geo.files import write_atomically

# The process dies once the new file is written to its temporary, before the rename.
os.fsync = lambda fd: os.kill(os.getpid(), signal.SIGKILL)
write_atomically(Path(sys.argv[1]), "new")
"""


def test_a_writer_killed_before_its_rename_leaves_the_old_file_and_the_next_write_cleans_up(
    tmp_path,
):
    target = tmp_path / "minusma.html"
    target.write_text("old", encoding="utf-8")
    killed = subprocess.run([sys.executable, "-c", KILLED_WRITER, str(target)], timeout=120)
    assert killed.returncode == -signal.SIGKILL
    assert target.read_text(encoding="utf-8") == "old"
    (leftover,) = tmp_path.glob(".minusma.html.*.tmp")
    write_atomically(target, "newer")
    assert target.read_text(encoding="utf-8") == "newer"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["minusma.html"]
    assert not leftover.exists()


def test_a_live_writers_temporary_is_left_alone(tmp_path):
    target = tmp_path / "minusma.html"
    alive = tmp_path / f".minusma.html.{os.getpid()}-abc_1234.tmp"
    alive.write_text("being written", encoding="utf-8")
    assert remove_stale_temporaries(target) == []
    assert alive.exists()


def test_only_this_files_temporaries_are_removed(tmp_path):
    dead_pid = a_dead_pid()
    ours = tmp_path / f".minusma.html.{dead_pid}-abc_1234.tmp"
    others = [
        tmp_path / f".minusma.sites.json.{dead_pid}-abc_1234.tmp",
        tmp_path / f".minusma.html.bak.{dead_pid}-abc_1234.tmp",
        tmp_path / "minusma.html.tmp",
    ]
    for path in (ours, *others):
        path.write_text("", encoding="utf-8")
    assert remove_stale_temporaries(tmp_path / "minusma.html") == [ours]
    assert all(path.exists() for path in others)


def a_dead_pid() -> int:
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    return int(gone.stdout)


def test_a_quick_replacement_renames_its_temporary_into_place_and_leaves_nothing_behind(tmp_path):
    target, scratch = tmp_path / "entries" / "a.json", tmp_path / "writing"
    replace_file(target, "{}", scratch)
    replace_file(target, '{"kept": true}', scratch)
    assert target.read_text(encoding="utf-8") == '{"kept": true}'
    assert list(scratch.iterdir()) == []


def test_only_the_scratch_temporaries_of_dead_writers_are_removed(tmp_path):
    dead = tmp_path / f"{a_dead_pid()}-k2j4_x9a.tmp"
    alive = tmp_path / f"{os.getpid()}-k2j4_x9b.tmp"
    unrelated = tmp_path / "notes.txt"
    for path in (dead, alive, unrelated):
        path.write_text("", encoding="utf-8")
    assert remove_stale_scratch(tmp_path) == [dead]
    assert alive.exists() and unrelated.exists()


def test_an_unnumbered_temporary_is_removed_only_once_old(tmp_path):
    target = tmp_path / "events.csv"
    leftover = tmp_path / ".events.csv.k2j4_x9a.tmp"
    leftover.write_text("", encoding="utf-8")
    assert remove_stale_temporaries(target) == []
    old = time.time() - STALE_AFTER_SECONDS - 60
    os.utime(leftover, (old, old))
    assert remove_stale_temporaries(target) == [leftover]


@pytest.mark.parametrize("kind", ["folder", "fifo"])
def test_only_a_regular_file_is_read(tmp_path, kind):
    path = tmp_path / "sites.csv"
    path.mkdir() if kind == "folder" else os.mkfifo(path)
    with pytest.raises(DataError, match=r"sites\.csv: not a regular file but a (folder|pipe)"):
        read_regular_file(path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_file_is_a_data_error(tmp_path):
    path = tmp_path / "events.csv"
    path.write_text("x", encoding="utf-8")
    path.chmod(0)
    with pytest.raises(DataError, match=r"events\.csv: cannot open the file: 'Permission denied'"):
        read_regular_file(path)
