"""Which language a report is written in, when its metadata does not say.

The detector is py3langid (a maintained fork of langid.py whose model ships
inside its package: no download, no network). It chooses among the languages
missionmap has a lexicon for (``geo/lexicons/<lang>.yaml``), since a report
can only be read with the words of a lexicon; its model loads on first use, so
builds whose reports all declare their language never pay for it.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

# Enough text to decide: the detector's answer no longer changes past a few sentences,
# and a cap keeps a huge report from costing more than a small one.
_SAMPLE_CHARACTERS = 4000


def lexicon_languages() -> tuple[str, ...]:
    """The languages missionmap can read: those with a lexicon file, sorted.

    >>> lexicon_languages()
    ('en', 'fr')
    """
    folder = resources.files("geo") / "lexicons"
    return tuple(
        sorted(p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml"))
    )


def detect_language(text: str) -> str:
    """The lexicon language ``text`` is most likely written in.

    >>> detect_language("Le camp de Ménaka a été remis au gouverneur vendredi.")
    'fr'
    >>> detect_language("The Ménaka camp was handed over to the governor on Friday.")
    'en'
    """
    language, _ = _identifier().classify(text[:_SAMPLE_CHARACTERS])
    return language


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(lexicon_languages()))
    return identifier
