"""Hostile and broken input: nothing hangs, nothing crashes, nothing is lost.

Each nasty file of ``tests/data/hostile/`` (and those that cannot live in git: FIFOs,
links to devices, names that are not UTF-8) is dropped into a project beside the
bundled seed report, and the command line is run on it in-process under a time
limit: a hang fails the test instead of stalling CI. A broken report is skipped with
one line naming it, and the good report is still mapped; a broken data file stops
the command with one line naming it, exit 1, and leaves ``data/`` as it was.
Hypothesis then throws random bytes, Unicode, YAML, truncations, profile values and
command-line values at the same checks.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result
from conftest import REPO, TEST_DATA, copy_bundled_seeds, files_in
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.cli import main
from geo.cli.watch import rebuild
from geo.documents import lead_ins, sentences

HOSTILE = TEST_DATA / "hostile"
# Generous: a run takes a few seconds; only a hang (or a quadratic blow-up) comes near.
TIME_LIMIT = 60
GOOD_SITES = ("Bamako", "Mopti", "Gao", "Timbuktu")
PROPERTY_SETTINGS = settings(
    max_examples=8,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


class Hang(Exception):
    """A run went past :data:`TIME_LIMIT`."""


@contextlib.contextmanager
def time_limit(seconds: int = TIME_LIMIT):
    """Raise :class:`Hang` in the test if the block runs longer than ``seconds``."""

    def expire(_signal, _frame):
        raise Hang(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def invoke(project: Path, *args: str) -> Result:
    """``missionmap ARGS`` in-process, in ``project``, under the time limit."""
    previous = Path.cwd()
    os.chdir(project)
    try:
        with time_limit():
            return CliRunner().invoke(main, list(args), catch_exceptions=True)
    finally:
        os.chdir(previous)


def assert_no_traceback(result: Result) -> None:
    """The run ended by exiting, never by an exception escaping the command line."""
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"exception escaped: {result.exception!r}") from result.exception
    assert "Traceback" not in result.output


def assert_safe_output(result: Result) -> None:
    """No escape character, other control or lone surrogate reaches the terminal."""
    for text in (result.stdout, result.stderr):
        unsafe = [ch for ch in text if (ord(ch) < 32 and ch != "\n") or 0x7F <= ord(ch) <= 0x9F]
        assert not unsafe, unsafe[:5]
        assert "\u202e" not in text
        text.encode("utf-8")  # no lone surrogate


def run_beside_the_seed(project: Path, command: str = "extract") -> Result:
    """Run ``command`` on the project, and check the good report still counts whatever else is
    there: ``build`` maps it, ``extract`` lists its sites."""
    result = (
        invoke(project, command, "--no-cache") if command == "build" else invoke(project, command)
    )
    assert_no_traceback(result)
    assert_safe_output(result)
    assert result.exit_code == 0, result.output
    for site in GOOD_SITES:
        assert f"\n{site} " in "\n" + result.stdout or f"  {site} " in result.stdout
    if command == "build":
        assert (project / "maps" / "minusma.html").is_file()
    return result


@contextlib.contextmanager
def report_in(project: Path, name: str, content: bytes):
    """A report ``name`` holding ``content`` in the project's seeds/ for the block only."""
    path = project / "seeds" / name
    path.write_bytes(content)
    try:
        yield path
    finally:
        path.unlink()


def skipped_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("missionmap: skipped:")]


# --- the corpus of named nasty reports ------------------------------------------------------

# Cases that are read (their text is hostile, not broken); every other case is skipped.
READ_CASES = {
    "escape_sequences_in_title",
    "escape_sequences_in_text",
    "utf16_with_byte_order_mark",
    "empty",
    "only_a_byte_order_mark",
}
SKIPPED_BECAUSE = {
    "alias_bomb": "anchors and aliases",
    "alias_bomb_in_sidecar": "anchors and aliases",
    "deeply_nested_front_matter": "nested deeper than",
    "deeply_nested_block_yaml": "nested deeper than",
    "integer_of_5000_digits": "holds a value that cannot be read",
    "unknown_key_of_10000_characters": "unknown metadata key",
    "utf16_without_byte_order_mark": "looks like UTF-16 LE without a byte-order mark",
    "utf32_without_byte_order_mark": "looks like UTF-32 BE without a byte-order mark",
    "latin1": "not UTF-8",
    "nul_bytes": "NUL bytes",
    "dated_9999": "report dated after today",
    "dated_before_the_mission": "report dated before the mission began",
    "impossible_date": "invalid date",
    "front_matter_not_closed": "front matter is not closed",
    "front_matter_a_list": "metadata must be",
    "front_matter_with_tabs_and_controls": "metadata is not valid YAML",
    "python_tag": "metadata is not valid YAML",
    "sidecar_without_report": "sidecar without a document",
    "sidecar_disagrees": "differs between the front matter and the sidecar",
}
CORPUS = sorted(path.name for path in (HOSTILE / "seeds").iterdir())


def test_every_report_of_the_corpus_is_either_read_or_given_a_reason():
    assert set(CORPUS) == READ_CASES | set(SKIPPED_BECAUSE)


# A few cases go all the way to the map; the others stop at extract, which reads the same way.
BUILT_CASES = {
    "alias_bomb",
    "escape_sequences_in_title",
    "dated_9999",
    "utf16_with_byte_order_mark",
}


@pytest.mark.parametrize("case", CORPUS)
def test_a_nasty_report_beside_a_good_one_is_skipped_or_read_and_the_good_one_still_counts(
    shared_project: Path, case: str
):
    command = "build" if case in BUILT_CASES else "extract"
    with contextlib.ExitStack() as stack:
        for path in (HOSTILE / "seeds" / case).iterdir():
            stack.enter_context(report_in(shared_project, path.name, path.read_bytes()))
        result = run_beside_the_seed(shared_project, command)
    skipped = skipped_lines(result)
    if case in READ_CASES:
        assert skipped == []
        return
    assert len(skipped) == 1, result.stderr
    assert SKIPPED_BECAUSE[case] in skipped[0]
    assert "seeds/" in skipped[0] and "Fix:" in skipped[0]
    assert len(skipped[0]) <= 400


GENERATED_REPORTS = {
    "question_marks_48kb": "Kidal" + "?!" * 24_000 + "x\n",
    "one_token_48kb": "Kidal " + "x" * 48_000 + " closed.\n",
    "titles_mr_20000": "Mr. " * 20_000 + "\n",
    "dotted_token_48kb": "a." * 24_000 + " Kidal closed.\n",
}


@pytest.mark.parametrize("case", sorted(GENERATED_REPORTS))
def test_long_degenerate_text_is_read_beside_a_good_report(shared_project: Path, case: str):
    with report_in(shared_project, f"{case}.txt", GENERATED_REPORTS[case].encode()):
        assert skipped_lines(run_beside_the_seed(shared_project)) == []


def test_eight_thousand_bullets_are_split_in_one_pass():
    text = "Sites still to close:\n" + "- Gao\n" * 8_000
    with time_limit():
        split = sentences(text)
        introduced_by = lead_ins(text, split)
    assert len(split) == 8_001 and set(introduced_by[1:]) == {0}


def test_a_report_larger_than_the_mission_allows_is_skipped_with_the_setting_to_raise(
    seeded_project: Path,
):
    (seeded_project / "data").mkdir()
    profile = (REPO / "data" / "mission.yaml").read_text(encoding="utf-8")
    (seeded_project / "data" / "mission.yaml").write_text(
        profile.replace("max_report_kb: 1024", "max_report_kb: 8"), encoding="utf-8"
    )
    (seeded_project / "seeds" / "long.txt").write_text("Kidal was handed over. " * 1000)
    [line] = skipped_lines(run_beside_the_seed(seeded_project))
    assert "seeds/long.txt: larger than 8 KiB" in line and "max_report_kb" in line


# --- files that are not regular files ---------------------------------------------------------


def make_fifo(path: Path) -> None:
    os.mkfifo(path)


def make_socket(path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()


def link(target: str):
    return lambda path: path.symlink_to(target)


SPECIAL_FILES = {
    "fifo report": ("hostile.txt", make_fifo, "FIFO"),
    "fifo sidecar": ("000_eb9acd02704b1636.meta.yaml", None, "FIFO"),
    "socket report": ("hostile.md", make_socket, "socket"),
    "report linked to /dev/zero": ("hostile.txt", link("/dev/zero"), "out of the project"),
    "report linked out of the project": (
        "hostile.txt",
        link("/etc/hostname"),
        "out of the project",
    ),
    "report linked in a loop": ("hostile.txt", link("hostile.txt"), "loops"),
    "report linked to nothing": ("hostile.txt", link("missing.txt"), "leads nowhere"),
}


@pytest.mark.parametrize("case", sorted(SPECIAL_FILES))
def test_only_regular_files_are_read_the_others_are_named_and_skipped(
    seeded_project: Path, case: str
):
    name, make, reason = SPECIAL_FILES[case]
    target = seeded_project / "seeds" / name
    if make is None:  # the seed's own sidecar replaced by a FIFO: the seed is skipped
        target.unlink()
        make_fifo(target)
        result = invoke(seeded_project, "extract")
        assert_no_traceback(result)
        assert result.exit_code == 0
        assert [reason in line for line in skipped_lines(result)] == [True]
        return
    make(target)
    [line] = skipped_lines(run_beside_the_seed(seeded_project))
    assert reason in line and "hostile" in line


def test_a_fifo_sidecar_does_not_hang_a_real_build(run_cli, seeded_project: Path):
    sidecar = next((seeded_project / "seeds").glob("*.meta.yaml"))
    sidecar.unlink()
    os.mkfifo(sidecar)
    done = subprocess.run(
        [sys.executable, "-m", "geo", "build", "--no-cache"],
        cwd=seeded_project,
        capture_output=True,
        text=True,
        timeout=TIME_LIMIT * 2,
    )
    assert done.returncode == 0, done.stderr
    assert "not a regular file but a FIFO" in done.stderr


UNSAFE_NAMES = {
    b"bad\xffname.txt": "bad\\xffname.txt",
    b"forged\nmissionmap: error: all is lost.txt": "forged\\nmissionmap: error",
    b"title\x1b]0;owned\x07.txt": "title\\x1b]0;owned\\x07.txt",
}


def test_file_names_that_are_not_text_are_shown_safely_by_a_real_run(seeded_project: Path):
    seeds = os.fsencode(seeded_project / "seeds")
    for name in UNSAFE_NAMES:
        with open(os.path.join(seeds, name), "wb") as handle:
            handle.write(b"---\ndate: 9999-01-01\n---\nThe mission left Kidal.\n")
    done = subprocess.run(
        [sys.executable, "-m", "geo", "build", "--no-cache"],
        cwd=seeded_project,
        capture_output=True,
        timeout=TIME_LIMIT * 2,
    )
    stderr = done.stderr.decode("utf-8")
    assert done.returncode == 0, stderr
    skipped = [line for line in stderr.splitlines() if "skipped" in line]
    assert len(skipped) == len(UNSAFE_NAMES) and "\x1b" not in stderr
    for shown in UNSAFE_NAMES.values():
        assert any(shown in line for line in skipped), (shown, skipped)


# --- broken data files --------------------------------------------------------------------

DATA_CASES = sorted(path.name for path in (HOSTILE / "data").iterdir())
DATA_REFUSED_BECAUSE = {
    "mission_alias_bomb": "mission.yaml:23: anchors and aliases",
    "mission_nested_deeply": "nested deeper than",
    "mission_latin1": "mission.yaml:5: not UTF-8",
    "mission_utf16_without_byte_order_mark": "looks like UTF-16 LE",
    "mission_slug_escapes": "mission.yaml:2: the mission's slug must be a plain file name",
    "mission_country_unknown": "no place of the gazetteer lies in the mission's country: 'XX'",
    "mission_country_not_a_code": "mission.yaml:4: the mission's countries must be a list of ISO",
    "mission_began_not_a_date": "mission.yaml:8: the day the mission began must be a date",
    "mission_report_size_zero": "mission.yaml:10: the largest report size",
    "mission_report_size_text": "mission.yaml:10: the largest report size",
    "mission_title_of_escapes": None,  # read; the title never reaches the terminal raw
    "mission_not_a_mapping": "the mission profile must be a mapping",
    "attribution_alias_bomb": "anchors and aliases",
    "attribution_latin1": "not UTF-8",
    "boundaries_properties_a_list": "properties that are not an object",
    "boundaries_not_a_number": "not a number allowed in JSON: 'NaN'",
    "gazetteer_utf16": "looks like UTF-16 LE",
}
GENERATED_DATA = {
    "boundaries_nested_100000_deep": ("boundaries/country.geojson", "[" * 100_000 + "]" * 100_000),
    "gazetteer_field_of_200kb": (
        "gazetteer/extra.csv",
        "id,name,asciiname,alternatenames,latitude,longitude,feature_class,feature_code,"
        'country_code,admin1,population,source,precision_km\n1,"' + "x" * 200_000 + '",x\n',
    ),
}
DATA_REFUSED_BECAUSE |= {
    "boundaries_nested_100000_deep": "nested deeper than 32 levels",
    "gazetteer_field_of_200kb": "extra.csv:2: gazetteer file is not a readable CSV",
}


def project_with_data(project: Path, files: dict[str, bytes]) -> Path:
    """``project`` with the bundled seed, a copy of the bundled data, and ``files`` over it."""
    copy_bundled_seeds(project)
    shutil.copytree(REPO / "data", project / "data", ignore=shutil.ignore_patterns("sources"))
    for name, content in files.items():
        (project / "data" / name).write_bytes(content)
    return project


def test_every_data_case_has_its_reason():
    assert set(DATA_CASES) | set(GENERATED_DATA) == set(DATA_REFUSED_BECAUSE)


@pytest.mark.parametrize("case", sorted(DATA_REFUSED_BECAUSE))
def test_a_broken_data_file_stops_the_build_with_one_line_and_changes_nothing(
    tmp_path: Path, case: str
):
    if case in GENERATED_DATA:
        name, text = GENERATED_DATA[case]
        files = {name: text.encode("utf-8")}
    else:
        folder = HOSTILE / "data" / case
        files = {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*.*")}
    project = project_with_data(tmp_path, files)
    before = files_in(project / "data")
    result = invoke(project, "build", "--no-cache")
    assert_no_traceback(result)
    assert_safe_output(result)
    assert files_in(project / "data") == before
    if DATA_REFUSED_BECAUSE[case] is None:
        assert result.exit_code == 0, result.output
        return
    assert result.exit_code == 1, result.output
    [line] = result.stderr.splitlines()
    assert DATA_REFUSED_BECAUSE[case] in line and "Fix:" in line
    assert len(line) <= 400
    assert not (tmp_path.parent / "escaped.html").exists()


@pytest.mark.parametrize(
    ("name", "make", "reason"),
    [
        ("gazetteer/pipe.csv", make_fifo, "pipe.csv: not a regular file but a FIFO"),
        ("mission.yaml", link("/dev/zero"), "mission.yaml: not a regular file but a device"),
        ("attribution.yaml", link("attribution.yaml"), "symbolic link that loops"),
    ],
)
def test_a_data_file_that_is_not_a_regular_file_is_named_not_waited_for(
    tmp_path: Path, name: str, make, reason: str
):
    project = project_with_data(tmp_path, {})
    (project / "data" / name).unlink(missing_ok=True)
    make(project / "data" / name)
    result = invoke(project, "build", "--no-cache")
    assert_no_traceback(result)
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert reason in line


@pytest.mark.parametrize("case", ["alias_bomb", "deeply_nested_front_matter", "latin1"])
def test_watch_survives_a_broken_report_and_keeps_the_last_map(
    seeded_project: Path, case: str, capsys
):
    previous = Path.cwd()
    os.chdir(seeded_project)
    try:
        with time_limit():
            rebuild("seeds", "data", None, cache=False)
            for path in (HOSTILE / "seeds" / case).iterdir():
                shutil.copy(path, seeded_project / "seeds" / path.name)
            rebuild("seeds", "data", None, cache=False)
    finally:
        os.chdir(previous)
    assert "Kept the last map" in capsys.readouterr().err
    assert (seeded_project / "maps" / "minusma.html").is_file()


# --- command-line values -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("build", "--out", "map.png"), "does not end in .html or .htm"),
        (("watch", "--out", "map"), "does not end in .html or .htm"),
        (("summary", "--out", "table.html"), "does not end in .md"),
        (("embed", "--out", "frame.png"), "does not end in .html"),
    ],
)
def test_an_out_file_must_be_named_for_what_it_holds(seeded_project: Path, args, expected):
    result = invoke(seeded_project, *args)
    assert result.exit_code == 2 and expected in result.stderr
    assert not list(seeded_project.glob("map*")) and not (seeded_project / "maps").exists()


def test_an_empty_date_is_refused_not_taken_for_today(seeded_project: Path):
    result = invoke(seeded_project, "status", "set", "Gao", "closed", "--date", "")
    assert result.exit_code == 1
    assert "--date is not a calendar date" in result.stderr
    assert not (seeded_project / "data" / "events.csv").exists()


# --- properties ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shared_project(tmp_path_factory) -> Path:
    """One project for the property tests: its cache keeps the good report's reading."""
    return copy_bundled_seeds(tmp_path_factory.mktemp("hostile"))


def assert_good_report_mapped_and_hostile_one_named(project: Path, result: Result) -> None:
    assert_no_traceback(result)
    assert_safe_output(result)
    assert result.exit_code == 0, result.output
    for site in GOOD_SITES:
        assert f"\n{site} " in "\n" + result.stdout
    for line in result.stderr.splitlines():
        assert line.startswith(("missionmap: skipped: seeds/hostile", "missionmap: conflict:"))


def extract_with(project: Path, name: str, content: bytes) -> Result:
    with report_in(project, name, content):
        return invoke(project, "extract")


@PROPERTY_SETTINGS
@given(content=st.binary(max_size=3000))
def test_random_bytes_as_a_report(shared_project: Path, content: bytes):
    result = extract_with(shared_project, "hostile.txt", content)
    assert_good_report_mapped_and_hostile_one_named(shared_project, result)


@PROPERTY_SETTINGS
@given(text=st.text(max_size=3000))
def test_random_unicode_as_a_report(shared_project: Path, text: str):
    result = extract_with(shared_project, "hostile.md", text.encode("utf-8"))
    assert_good_report_mapped_and_hostile_one_named(shared_project, result)


yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)
front_matter = st.one_of(
    st.dictionaries(
        st.sampled_from(["title", "date", "source", "url", "lang", "note", "other"]),
        yaml_values,
        max_size=6,
    ).map(lambda metadata: yaml.safe_dump(metadata, allow_unicode=True)),
    st.text(max_size=400),
)


@PROPERTY_SETTINGS
@given(metadata=front_matter, body=st.text(max_size=300), cut=st.integers(0, 800))
def test_random_front_matter_whole_and_truncated(
    shared_project: Path, metadata: str, body: str, cut: int
):
    document = f"---\n{metadata}---\nThe mission left Kidal. {body}".encode()
    for content in (document, document[:cut]):
        result = extract_with(shared_project, "hostile.md", content)
        assert_good_report_mapped_and_hostile_one_named(shared_project, result)


@PROPERTY_SETTINGS
@given(
    values=st.dictionaries(
        st.sampled_from(
            [
                "slug",
                "country",
                "title",
                "began",
                "max_report_kb",
                "confidence_threshold",
                "aliases",
            ]
        ),
        yaml_values,
        max_size=3,
    )
)
def test_random_mission_profile_values(tmp_path_factory, values: dict):
    project = tmp_path_factory.mktemp("profile")
    profile = yaml.safe_load((REPO / "data" / "mission.yaml").read_text(encoding="utf-8"))
    (project / "data").mkdir()
    (project / "data" / "mission.yaml").write_text(
        yaml.safe_dump({**profile, **values}, allow_unicode=True), encoding="utf-8"
    )
    before = files_in(project / "data")
    result = invoke(project, "geocode", "Gao")
    assert_no_traceback(result)
    assert_safe_output(result)
    assert result.exit_code in (0, 1), result.output
    if result.exit_code == 1:
        [line] = result.stderr.splitlines()
        assert "mission.yaml" in line or "mission's country" in line
    assert files_in(project / "data") == before


command_text = st.text(max_size=60)


@PROPERTY_SETTINGS
@given(
    command=st.sampled_from(["geocode", "status", "history", "build-out"]),
    first=command_text,
    second=command_text,
    date=command_text,
)
def test_random_command_line_values(
    shared_project: Path, command: str, first: str, second: str, date: str
):
    args = {
        "geocode": ["geocode", first],
        "status": ["status", "set", first, second, "--date", date, "--source", second],
        "history": ["history", first],
        "build-out": ["build", "--out", first],
    }[command]
    (shared_project / "data").mkdir(exist_ok=True)
    before = files_in(shared_project / "data")
    result = invoke(shared_project, *args)
    assert_no_traceback(result)
    assert result.exit_code in (0, 1, 2), result.output
    if result.exit_code == 1:
        assert len(result.stderr.splitlines()) == 1, result.stderr
    if result.exit_code != 0:
        assert files_in(shared_project / "data") == before
