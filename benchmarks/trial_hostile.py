"""The hostile-input trial, as a new user would run it: each nasty case of
``tests/data/hostile/`` dropped into a project beside the good seed report, then the
commands run for real.

For every case and command this counts tracebacks, hangs (a run more than 10 s past the
same command's time on the clean project), and whether the good report is still
mapped (its four sites listed by ``sites``) with the nasty report named on stderr. A
broken data file (``data/``) must stop a command with one line, exit 1. Last, one
``watch`` is given every nasty report at once and must go on running.

    PYTHONPATH=. .venv/bin/python benchmarks/trial_hostile.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HOSTILE = REPO / "tests" / "data" / "hostile"
GOOD_SITES = ("Bamako", "Gao", "Mopti", "Timbuktu")
COMMANDS = (("build",), ("extract",), ("sites",))
GRACE_SECONDS = 10
# Statements dated in their body after the report (the reader sets that date aside).
GENERATED = {
    "event_dated_9999_in_the_body": "---\ndate: 2023-12-20\n---\n"
    "MINUSMA handed over its camp in Kidal on 31 December 9999.\n",
}


def run(
    project: Path, args: tuple[str, ...], limit: float
) -> tuple[subprocess.CompletedProcess | None, float]:
    start = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "geo", *args],
            cwd=project,
            capture_output=True,
            text=True,
            timeout=limit,
        )
    except subprocess.TimeoutExpired:
        done = None
    return done, time.perf_counter() - start


def fresh_project(root: Path, name: str) -> Path:
    project = root / name
    (project / "seeds").mkdir(parents=True)
    for path in (REPO / "seeds").iterdir():
        if path.is_file():
            shutil.copy(path, project / "seeds" / path.name)
    return project


class Tally:
    """Runs of every command on a project, counting hangs, tracebacks and time past normal."""

    def __init__(self, normal: dict[tuple[str, ...], float]) -> None:
        self.normal = normal
        self.tried = self.tracebacks = self.hangs = 0
        self.slowest = 0.0  # the most seconds a run took past the same command's normal time

    def runs(self, project: Path, name: str):
        """Each command that finished on ``project``, with what it printed."""
        for args in COMMANDS:
            self.tried += 1
            done, spent = run(project, args, self.normal[args] + GRACE_SECONDS)
            self.slowest = max(self.slowest, spent - self.normal[args])
            if done is None:
                self.hangs += 1
                print(f"HANG      {name}: {' '.join(args)}")
                continue
            if "Traceback" in done.stderr:
                self.tracebacks += 1
                print(f"TRACEBACK {name}: {' '.join(args)}")
            yield args, done


def main() -> None:
    root = Path(tempfile.mkdtemp(prefix="missionmap-trial-"))
    # Each case's project is new: its build reads the good report afresh, as this one does.
    clean = fresh_project(root, "clean")
    normal = {args: run(clean, args, 600)[1] for args in COMMANDS}
    print("normal seconds: " + ", ".join(f"{' '.join(a)} {s:.1f}" for a, s in normal.items()))

    seed_cases = {
        path.name: {f.name: f.read_bytes() for f in path.iterdir()}
        for path in sorted((HOSTILE / "seeds").iterdir())
    }
    seed_cases |= {name: {"nasty.md": text.encode()} for name, text in GENERATED.items()}
    data_cases = sorted((HOSTILE / "data").iterdir())
    tally = Tally(normal)
    unmapped = unnamed = data_not_one_line = 0

    for name, files in seed_cases.items():
        project = fresh_project(root, f"seed-{name}")
        for file, content in files.items():
            (project / "seeds" / file).write_bytes(content)
        for args, done in tally.runs(project, name):
            if args == ("sites",) and not all(site in done.stdout for site in GOOD_SITES):
                unmapped += 1
                print(f"UNMAPPED  {name}: {done.stderr.strip()[:200]}")
            if args == ("build",) and "skipped" not in done.stderr and name not in READ_AS_TEXT:
                unnamed += 1
                print(f"UNNAMED   {name}")

    for case in data_cases:
        project = fresh_project(root, f"data-{case.name}")
        shutil.copytree(case, project / "data", dirs_exist_ok=True)
        for args, done in tally.runs(project, case.name):
            if done.returncode not in (0, 1) or (
                done.returncode == 1 and done.stderr.count("\n") != 1
            ):
                data_not_one_line += 1
                print(f"NOT ONE LINE {case.name}: {' '.join(args)}: {done.stderr[:200]!r}")

    watch_alive = watch_survives(root, seed_cases)
    print(
        f"inputs tried: {len(seed_cases)} reports + {len(data_cases)} data files,"
        f" {tally.tried} command runs; tracebacks: {tally.tracebacks}; hangs: {tally.hangs};"
        f" most seconds past normal: {tally.slowest:.1f};"
        f" good report not mapped: {unmapped}; nasty report not named: {unnamed};"
        f" data errors not one line: {data_not_one_line}; watch kept running: {watch_alive}"
    )
    shutil.rmtree(root, ignore_errors=True)


# Reports of the corpus that are text after all: read, so not named as skipped.
READ_AS_TEXT = {
    "escape_sequences_in_text",
    "escape_sequences_in_title",
    "sidecar_disagrees",
    "utf16_with_byte_order_mark",
    "empty",
    "only_a_byte_order_mark",
    "front_matter_with_tabs_and_controls",
    "event_dated_9999_in_the_body",
    "unknown_key_of_10000_characters",
}


def watch_survives(root: Path, seed_cases: dict[str, dict[str, bytes]]) -> bool:
    """A ``watch`` that is given every nasty report at once, then has them taken away."""
    project = fresh_project(root, "watched")
    watcher = subprocess.Popen(
        [sys.executable, "-m", "geo", "watch", "--debounce", "300", "--max-builds", "3"],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_for(watcher, "Watching")
        for name, files in seed_cases.items():
            for file, content in files.items():
                (project / "seeds" / f"{name}-{file}").write_bytes(content)
        wait_for(watcher, "Changed")
        wait_for(watcher, "Kept the last map")
        for path in (project / "seeds").iterdir():
            if "-" in path.name:
                path.unlink()
        wait_for(watcher, "Wrote")
        return watcher.wait(timeout=120) == 0
    finally:
        if watcher.poll() is None:
            watcher.kill()


def wait_for(process: subprocess.Popen, text: str) -> None:
    for line in process.stdout:
        if "Traceback" in line:
            raise SystemExit(f"watch printed a traceback: {line}")
        if text in line:
            return
    raise SystemExit(f"watch ended before printing {text!r}")


if __name__ == "__main__":
    main()
