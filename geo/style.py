"""How each status looks, the same on the interactive map and in static exports.

Colours are from the Okabe-Ito palette, which stays distinguishable with the
common colour-vision deficiencies; every status also has its own shape, so the
map reads in greyscale and for colour-blind readers.

How far a person stands behind a site's status is drawn by fill and outline,
not colour, so it too survives greyscale print: a confirmed or read site is
filled with its status colour; an unconfirmed one is hollow, its outline dashed
in the status colour.
"""

from __future__ import annotations

from dataclasses import dataclass

from geo.model import Confirmation, Status


@dataclass(frozen=True)
class StatusStyle:
    colour: str  # fill colour, hex
    shape: str  # "square", "circle" or "triangle": the marker shape on every output
    mpl_marker: str  # the same shape for matplotlib
    label: str  # legend text


STATUS_STYLES: dict[Status, StatusStyle] = {
    Status.HANDED_OVER: StatusStyle("#009E73", "square", "s", "Handed over"),
    Status.CLOSED: StatusStyle("#D55E00", "circle", "o", "Closed"),
    Status.PENDING: StatusStyle("#0072B2", "triangle", "^", "Pending"),
}


# Legend text for each kind of statement; the popups add the confidence.
CONFIRMATION_LABELS: dict[Confirmation, str] = {
    Confirmation.CONFIRMED: "Confirmed by a person",
    Confirmation.READ: "Read by machine",
    Confirmation.UNCONFIRMED: "Unconfirmed: not checked by a person",
}
# An unconfirmed marker's outline: dash and gap in units of its line width, and that width.
UNCONFIRMED_DASH = (2.0, 1.2)
UNCONFIRMED_LINE_WIDTH = 2.5
# The neutral grey of the legend symbols that show a kind of statement rather than a status.
KIND_SYMBOL_COLOUR = "#8c8c8c"
CONFLICT_LABEL = "Conflicting reports"
