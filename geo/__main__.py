"""``python -m geo`` is the ``missionmap`` command."""

from geo.cli import main

main(prog_name="missionmap")
