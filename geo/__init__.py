"""missionmap: documents about a peacekeeping mission in, a map of its sites out.

The package is named ``geo``; each module is one stage of the pipeline::

    documents -> gazetteer -> extract -> status -> register -> render / export

and ``geo.cli`` is the command line over it.
"""

__version__ = "0.1.0"
