"""Where a project's files are: seeds, data, the bundled data, the mission profile.

A project folder may hold its own ``data/``; whatever it lacks (the gazetteer,
the boundaries, the mission profile) comes from the data bundled with
missionmap, so an installed wheel works from any folder.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from geo.archives import is_archive
from geo.errors import DataError, GeoError, InvalidValueError
from geo.files import write_atomically
from geo.inputs import decode_text, parse_yaml, read_limited, shown_path
from geo.model import Mission

PACKAGE_DIR = Path(__file__).resolve().parent


def bundled_data_dir() -> Path:
    """The data shipped with missionmap: inside the wheel, or the checkout's ``data/``."""
    inside_wheel = PACKAGE_DIR / "_bundled"
    if inside_wheel.is_dir():
        return inside_wheel
    return PACKAGE_DIR.parent / "data"


@dataclass(frozen=True)
class Project:
    """The folders one run reads and writes.

    ``seeds`` is None for commands that read no reports (geocode, status, embed).
    """

    data: Path  # the project's data folder: register files live here
    seeds: Path | None = None

    def data_file(self, relative: str) -> Path:
        """``data/<relative>`` of the project if it exists there, else the bundled one.

        A broken link counts as existing, so that it is named rather than passed over."""
        own = self.data / relative
        return own if os.path.lexists(own) else bundled_data_dir() / relative

    @property
    def gazetteer_dir(self) -> Path:
        return self.data_file("gazetteer")

    @property
    def boundaries_dir(self) -> Path:
        return self.data_file("boundaries")

    @property
    def cache_dir(self) -> Path:
        """``.missionmap-cache/`` in the project folder (the one that holds ``data/``): readings
        kept between runs, safe to delete."""
        return self.data.parent / ".missionmap-cache"

    @property
    def sites_csv(self) -> Path:
        return self.data / "sites.csv"

    @property
    def events_csv(self) -> Path:
        return self.data / "events.csv"

    @property
    def reviews_csv(self) -> Path:
        return self.data / "reviews.csv"


def open_project(seeds: str | Path, data: str | Path) -> Project:
    """Check that the seeds folder (or archive of reports) exists and return the project's paths."""
    seeds_path = Path(seeds)
    if not seeds_path.is_dir() and not (is_archive(seeds_path) and seeds_path.is_file()):
        raise GeoError(
            "seeds folder not found",
            value=str(seeds),
            fix="create it and put the mission's reports in it, or point --seeds at the folder"
            " or archive (.jsonl, .zip, .tar.gz) that holds them",
        )
    return Project(data=open_data(data).data, seeds=seeds_path)


def open_data(data: str | Path) -> Project:
    """A project whose data folder is ``data`` (it may not exist yet), for commands without seeds."""
    data_path = Path(data)
    if data_path.exists() and not data_path.is_dir():
        raise GeoError("data is not a folder", value=str(data), fix="point --data at a folder")
    return Project(data=data_path)


PROFILE_FIELDS = ("slug", "name", "title")
PROFILE_MAX_BYTES = 64 * 1024
# The map is maps/<slug>.html: a file name, never a path out of maps/.
_SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
MAX_REPORT_KB_RANGE = (1, 64 * 1024)


def load_mission(project: Project) -> Mission:
    """Read ``mission.yaml``: which mission and countries the map is about, when it began,
    and how large a report may be."""
    path = project.data_file("mission.yaml")
    shown = shown_path(path)
    text = decode_text(read_limited(path, PROFILE_MAX_BYTES), path)
    raw = parse_yaml(text, shown, what="the mission profile", fix="write it as 'key: value' lines")
    if not isinstance(raw, dict):
        raise DataError(
            "the mission profile must be a mapping",
            path=shown,
            fix="write it as 'key: value' lines: " + ", ".join((*PROFILE_FIELDS, "countries")),
        )
    missing = [name for name in PROFILE_FIELDS if not str(raw.get(name) or "").strip()]
    if missing:
        raise DataError(
            "the mission profile lacks keys",
            path=shown,
            value=", ".join(missing),
            fix="add a line 'key: value' for each",
        )
    fields = {name: str(raw[name]).strip() for name in PROFILE_FIELDS}

    def refuse(key: str, problem: str, value: object, fix: str) -> DataError:
        return DataError(problem, path=shown, line=key_line(text, key), value=value, fix=fix)

    if not _SLUG.fullmatch(fields["slug"]):
        raise refuse(
            "slug",
            "the mission's slug must be a plain file name",
            fields["slug"],
            "write letters, digits, '-' or '_' only, e.g. slug: minusma (the map is maps/<slug>.html)",
        )
    countries = mission_countries(raw, text, shown)
    aliases = raw.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise refuse(
            "aliases",
            "the mission's aliases must be a list of names",
            str(aliases),
            "write them as aliases: [UN mission in Mali, la Mission onusienne]",
        )
    threshold = raw.get("confidence_threshold", Mission.confidence_threshold)
    if not _is_number(threshold) or not 0 <= threshold <= 1:
        raise refuse(
            "confidence_threshold",
            "the confidence threshold must be a number from 0 to 1",
            str(threshold),
            "write it as confidence_threshold: 0.9 (readings below it are shown as unconfirmed)",
        )
    low, high = MAX_REPORT_KB_RANGE
    max_kb = raw.get("max_report_kb", Mission.max_report_bytes // 1024)
    if not _is_number(max_kb) or not low <= max_kb <= high or max_kb != int(max_kb):
        raise refuse(
            "max_report_kb",
            f"the largest report size must be a whole number of kilobytes from {low} to {high}",
            str(max_kb),
            "write it as max_report_kb: 1024 (a larger report is skipped)",
        )
    return Mission(
        **fields,
        countries=countries,
        aliases=tuple(a.strip() for a in aliases),
        confidence_threshold=float(threshold),
        began=_began(raw.get("began"), text, shown),
        max_report_bytes=int(max_kb) * 1024,
    )


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _began(value: object, text: str, shown: str) -> dt.date | None:
    """The optional ``began:`` day: reports dated before it are set aside."""
    if value is None:
        return None
    try:
        if not _DAY.fullmatch(str(value).strip()):
            raise ValueError(value)
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise DataError(
            "the day the mission began must be a date",
            path=shown,
            line=key_line(text, "began"),
            value=str(value),
            fix="write it as began: YYYY-MM-DD, e.g. began: 2013-04-25",
        ) from None


def mission_countries(raw: dict, text: str, shown: str) -> tuple[str, ...]:
    """The ISO codes of ``countries: [SD, SS]``, or of the older single ``country: ML``."""
    key = "countries" if "countries" in raw else "country"
    value = raw.get(key)
    codes = value if isinstance(value, list) else [value]
    if not value or not all(
        isinstance(c, str) and re.fullmatch(r"[A-Za-z]{2}", c.strip()) for c in codes
    ):
        raise DataError(
            "the mission's countries must be a list of ISO country codes",
            path=shown,
            line=key_line(text, key),
            value=str(value),
            fix="write them as countries: [SD] (two letters each, as in ISO 3166-1)",
        )
    return tuple(dict.fromkeys(c.strip().upper() for c in codes))


def key_line(text: str, key: str) -> int | None:
    """The line of YAML ``text`` on which a top-level ``key`` is set, if any.

    >>> key_line("slug: minusma\\ncountry: ML", "country")
    2
    """
    lines = text.splitlines()
    return next((n for n, line in enumerate(lines, 1) if line.startswith(f"{key}:")), None)


# What a new project's mission profile says about how sure a reading must be.
NEW_PROFILE_THRESHOLD = 0.9


def bundled_countries() -> tuple[dict[str, str], frozenset[str]]:
    """Every country the bundled gazetteer knows (ISO code → name), and those it maps in
    detail (with outline, regions and every place)."""
    from geo.gazetteer import WORLD_FILE, read_places

    data = bundled_data_dir()
    known = {
        place.country: place.name
        for place in read_places(data / "gazetteer" / WORLD_FILE)
        if place.feature_code == "PCLI"
    }
    outlines = json.loads((data / "boundaries" / "country.geojson").read_text(encoding="utf-8"))
    mapped = frozenset(f["properties"].get("country") for f in outlines["features"])
    return known, mapped


def mission_profile(
    name: str,
    countries: tuple[str, ...],
    aliases: tuple[str, ...],
    known: dict[str, str],
    mapped: frozenset[str],
) -> str:
    """The text of a new ``mission.yaml`` for a mission in ``countries``.

    ``known`` and ``mapped`` are :func:`bundled_countries`: a code must be a
    country, and one the bundled data maps. Raises
    :class:`~geo.errors.InvalidValueError` naming the value otherwise.

    >>> text = mission_profile("ATMIS", ("so",), ("AU mission in Somalia",), {"SO": "Somalia"}, frozenset({"SO"}))
    >>> print(text.splitlines()[2:5])
    ['slug: atmis', 'name: "ATMIS"', 'countries: [SO]']
    """
    mission = name.strip()
    slug = re.sub(r"[^a-z0-9]+", "-", unicodedata_ascii(mission).lower()).strip("-")
    if not slug:
        raise InvalidValueError(
            "the mission's name has no letters or digits",
            value=name,
            fix="name it as reports do, e.g. --mission UNAMID",
        )
    codes = tuple(dict.fromkeys(code.strip().upper() for code in countries))
    for code in codes:
        if code not in known:
            raise InvalidValueError(
                "unknown country code",
                value=code,
                fix="give the two-letter ISO 3166-1 code of a country, e.g. --country SD",
            )
        if code not in mapped:
            raise InvalidValueError(
                f"the bundled data does not map {known[code]} in detail",
                value=code,
                fix="add the country to data/sources/mission_countries.csv and rebuild data/ "
                "with scripts/build_data.py",
            )
    names = [known[code] for code in codes]
    where = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    title = f"{mission}: the mission's sites in {where}"
    lines = [
        "# The mission this data folder maps. Written by 'missionmap init'; edit it freely.",
        "# slug names the map file (maps/<slug>.html); title heads the map.",
        f"slug: {slug}",
        f"name: {quoted(mission)}",
        f"countries: [{', '.join(codes)}]",
        f"title: {quoted(title)}",
        "# How sure the reader must be (0 to 1) for a reading to be shown as read; below it, a",
        "# reading is drawn as unconfirmed until a person accepts it (missionmap review).",
        f"confidence_threshold: {NEW_PROFILE_THRESHOLD}",
        "# Other names reports give the mission: a sentence that names one speaks of the mission.",
        "aliases:" + ("" if aliases else " []"),
        *(f"  - {quoted(alias.strip())}" for alias in aliases if alias.strip()),
    ]
    return "\n".join(lines) + "\n"


def quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is YAML's)."""
    return json.dumps(text, ensure_ascii=False)


def unicodedata_ascii(text: str) -> str:
    """``text`` without accents: ``"MINUSCA – Bangui"`` keeps its letters for a slug."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if ch.isascii())


def start_project(folder: Path, profile: str) -> Project:
    """Create ``folder/seeds/`` and ``folder/data/mission.yaml``; refuse an existing project.

    Nothing is written when ``folder`` already holds a ``seeds/`` folder or a mission profile.
    """
    folder = Path(folder)
    for existing in (folder / "data" / "mission.yaml", folder / "seeds"):
        if existing.exists():
            raise InvalidValueError(
                "a project already exists here",
                value=str(existing),
                fix="choose a new folder, or edit its data/mission.yaml",
            )
    if folder.exists() and not folder.is_dir():
        raise InvalidValueError("not a folder", value=str(folder), fix="choose a folder")
    write_atomically(folder / "data" / "mission.yaml", profile)
    (folder / "seeds").mkdir()
    return Project(data=folder / "data", seeds=folder / "seeds")
