"""``missionmap embed``, run for real."""

from __future__ import annotations

from conftest import ParsedHTML


def test_prints_one_iframe_of_the_default_map_with_the_mission_title(run_cli, project):
    result = run_cli("embed", cwd=project)
    assert result.returncode == 0, result.stderr
    ((tag, attributes),) = ParsedHTML(result.stdout).tags
    assert tag == "iframe"
    assert attributes["src"] == "maps/minusma.html"
    assert attributes["title"] == "MINUSMA withdrawal: the mission's sites in Mali"
    assert attributes["width"] == "100%"
    assert attributes["loading"] == "lazy"
    assert "aspect-ratio" in attributes["style"] and "height:auto" in attributes["style"]
    assert "script" not in result.stdout.lower()
    assert "maps/minusma.html is not built yet: run missionmap build" in result.stderr


def test_no_note_once_the_map_is_built(run_cli, project):
    (project / "maps").mkdir()
    (project / "maps" / "minusma.html").write_text("<!doctype html>", encoding="utf-8")
    result = run_cli("embed", cwd=project)
    assert result.returncode == 0
    assert result.stderr == ""


def test_src_and_out(run_cli, project):
    url = "https://example.org/maps/minusma.html?v=2&lang=en"
    result = run_cli("embed", "--src", url, "--out", "embed.html", cwd=project)
    assert result.returncode == 0, result.stderr
    ((_, attributes),) = ParsedHTML(result.stdout).tags
    assert attributes["src"] == url
    assert (project / "embed.html").read_text(encoding="utf-8") == result.stdout


def test_a_title_with_markup_stays_an_attribute(run_cli, project):
    (project / "data").mkdir()
    (project / "data" / "mission.yaml").write_text(
        "slug: test\nname: T\ncountry: ML\ncountry_name: Mali\n"
        "title: 'Sites \"A\" <b onmouseover=x>'\n",
        encoding="utf-8",
    )
    result = run_cli("embed", cwd=project)
    assert result.returncode == 0, result.stderr
    ((tag, attributes),) = ParsedHTML(result.stdout).tags
    assert tag == "iframe"
    assert attributes["title"] == 'Sites "A" <b onmouseover=x>'
    assert "onmouseover" not in attributes
    assert attributes["src"] == "maps/test.html"


def test_a_script_address_is_refused(run_cli, project):
    result = run_cli("embed", "--src", "javascript:alert(1)", "--out", "embed.html", cwd=project)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "javascript:alert(1)" in result.stderr and "Fix:" in result.stderr
    assert not (project / "embed.html").exists()
