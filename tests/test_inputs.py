"""Reading what comes from outside, within bounds: geo/inputs.py."""

from __future__ import annotations

import doctest
import os
from pathlib import Path

import pytest

import geo.inputs
import geo.terminal
from geo.errors import DataError, DocumentError
from geo.inputs import decode_text, json_depth_exceeds, parse_json, parse_yaml, read_limited


@pytest.mark.parametrize("module", [geo.inputs, geo.terminal])
def test_the_examples_in_docstrings_run(module):
    assert doctest.testmod(module).failed == 0


def test_a_regular_file_within_the_limit_is_read_and_a_larger_one_is_named(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 2048)
    assert read_limited(path, 2048) == b"x" * 2048
    with pytest.raises(DocumentError, match=r"a\.txt: larger than 1 KiB.*raise max_report_kb"):
        read_limited(path, 1024, error=DocumentError, setting="max_report_kb")


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path):
    os.mkfifo(tmp_path / "pipe.yaml")
    with pytest.raises(DataError, match="not a regular file but a FIFO"):
        read_limited(tmp_path / "pipe.yaml", 1024)


def test_a_link_out_of_the_roots_is_refused_and_one_inside_is_followed(tmp_path: Path):
    (tmp_path / "inside.txt").write_text("Gao")
    (tmp_path / "near.txt").symlink_to("inside.txt")
    (tmp_path / "far.txt").symlink_to("/etc/hostname")
    assert read_limited(tmp_path / "near.txt", 10, roots=(tmp_path,)) == b"Gao"
    with pytest.raises(DataError, match="leads out of the project"):
        read_limited(tmp_path / "far.txt", 10, roots=(tmp_path,))


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-8-sig"])
def test_text_with_a_byte_order_mark_is_read_in_its_encoding(encoding: str):
    assert decode_text("Ménaka".encode(encoding), Path("a.txt")) == "Ménaka"


def test_yaml_refuses_aliases_and_depth_and_giant_integers_with_the_line():
    with pytest.raises(DataError, match=r"m\.yaml:3: anchors and aliases"):
        parse_yaml("a: 1\nb: 2\nc: &x [1]\n", "m.yaml")
    with pytest.raises(DataError, match="nested deeper than 16 levels"):
        parse_yaml("a: " + "[" * 20 + "]" * 20, "m.yaml")
    with pytest.raises(DataError, match="holds a value that cannot be read"):
        parse_yaml("a: " + "9" * 5000, "m.yaml")
    assert parse_yaml("a: [[[1]]]", "m.yaml") == {"a": [[[1]]]}


def test_json_nested_a_hundred_thousand_deep_is_refused_without_recursion():
    assert json_depth_exceeds("[" * 100_000 + "]" * 100_000)
    with pytest.raises(DataError, match="nested deeper than 32 levels"):
        parse_json("[" * 100_000 + "]" * 100_000, "b.geojson", fix="write GeoJSON")
    assert parse_json('{"a": [[[1, 2]]], "b": "[[[["}', "b.geojson", fix="") == {
        "a": [[[1, 2]]],
        "b": "[[[[",
    }
