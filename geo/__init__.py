"""missionmap: documents about a peacekeeping mission in, a map of its sites out.

The package is named ``geo``; each module is one stage of the pipeline::

    documents -> gazetteer -> extract -> reading -> confirm -> merge -> render / export

``geo.register`` holds what people enter by hand (site notes, manual statements,
review decisions), ``geo.mission`` is the Python API over the pipeline (for
notebooks), and ``geo.cli`` the command line.
"""

__version__ = "0.1.0"
