"""The sources every output credits."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.attribution import load_attribution, web_url
from geo.errors import DataError
from geo.project import bundled_data_dir


def test_the_bundled_attribution_credits_geonames_and_natural_earth():
    credits = {
        entry.name: entry for entry in load_attribution(bundled_data_dir() / "attribution.yaml")
    }
    assert "CC BY 4.0" in credits["GeoNames"].credit
    assert "public domain" in credits["Natural Earth"].credit.lower()


def test_attribution_file_must_be_a_list(tmp_path: Path):
    path = tmp_path / "attribution.yaml"
    path.write_text("name: GeoNames\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"attribution\.yaml.*must be a list"):
        load_attribution(path)


@pytest.mark.parametrize(
    ("address", "link"),
    [
        ("https://example.org/story", "https://example.org/story"),
        ("  http://example.org/a  ", "http://example.org/a"),
        ("javascript:alert(1)", None),
        ("data:text/html,<b>", None),
        ("example.org/no-scheme", None),
        (None, None),
    ],
)
def test_only_web_addresses_become_links(address, link):
    assert web_url(address) == link
