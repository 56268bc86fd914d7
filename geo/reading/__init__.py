"""The reader: what reports say of each mission site, read from spaCy's parse.

``read_statements(mentions, Context(countries, Actors.of(names, host_names)))``
turns the place names found in reports into status statements, each with its
quote, date, confidence and reason. The modules hold one idea each, in the
order a sentence is read: :mod:`~geo.reading.lexicon` (the words),
:mod:`~geo.reading.parse` (spaCy), :mod:`~geo.reading.places` (is it a place
here), :mod:`~geo.reading.cues`, :mod:`~geo.reading.governance` (which cue
governs a site), :mod:`~geo.reading.time`, :mod:`~geo.reading.agents`,
:mod:`~geo.reading.dates`, :mod:`~geo.reading.confidence`,
:mod:`~geo.reading.learned` (a small model for the sites the rules leave unread), and
:mod:`~geo.reading.reader`, which puts them together.
"""

from geo.reading.agents import Actors
from geo.reading.reader import Context, read_statements

__all__ = ["Actors", "Context", "read_statements"]
