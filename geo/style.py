"""How each status looks, the same on the interactive map and in static exports.

Colours are from the Okabe-Ito palette, which stays distinguishable with the
common colour-vision deficiencies; every status also has its own shape, so the
map reads in greyscale and for colour-blind readers.
"""

from __future__ import annotations

from dataclasses import dataclass

from geo.model import Status


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
