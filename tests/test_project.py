"""The mission profile: one country or several, in the old form or the new."""

from __future__ import annotations

import pytest

from geo.errors import DataError
from geo.project import load_mission, open_data

HEAD = "slug: m\nname: M\ntitle: T\n"


def mission_in(tmp_path, text: str):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "mission.yaml").write_text(HEAD + text, encoding="utf-8")
    return load_mission(open_data(tmp_path / "data"))


def test_several_countries_in_order_without_repeats(tmp_path):
    assert mission_in(tmp_path, "countries: [sd, SS, SD]\n").countries == ("SD", "SS")


def test_the_older_single_country_still_reads(tmp_path):
    mission = mission_in(tmp_path, "country: ML\ncountry_name: Mali\n")
    assert mission.countries == ("ML",)


@pytest.mark.parametrize("value", ["countries: []", "countries: [Sudan]", "countries: [1, 2]", ""])
def test_countries_that_are_not_iso_codes_name_the_line(tmp_path, value):
    with pytest.raises(DataError) as error:
        mission_in(tmp_path, value + "\n")
    assert "ISO country codes" in str(error.value)
    assert ("mission.yaml:4:" in str(error.value)) == bool(value)
