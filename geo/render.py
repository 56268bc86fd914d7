"""The interactive map: a folium page of the sites, coloured by status."""

from __future__ import annotations

import datetime as dt
import html

import folium

from geo.model import Mission, Site, Status

# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
STATUS_COLOURS = {
    Status.HANDED_OVER: "#009E73",
    Status.CLOSED: "#D55E00",
    Status.PENDING: "#0072B2",
}


def popup_html(site: Site) -> str:
    """The popup of a site; every text from a document is escaped."""
    e = site.evidence
    date = e.date.isoformat() if e.date else "undated"
    return (
        f"<b>{html.escape(site.place.name)}</b><br>"
        f"{html.escape(site.status.value)} ({date})<br>"
        f"<q>{html.escape(e.quote)}</q><br>"
        f"<small>{html.escape(e.source)}</small>"
    )


def render_map(sites: tuple[Site, ...], mission: Mission, as_of: dt.date | None) -> str:
    """The map page as HTML text."""
    fmap = folium.Map(location=[17, -4], zoom_start=5, tiles="OpenStreetMap")
    fmap._id = "missionmap"
    for site in sites:
        marker = folium.CircleMarker(
            location=[site.place.lat, site.place.lon],
            radius=8,
            color=STATUS_COLOURS[site.status],
            fill=True,
            popup=folium.Popup(popup_html(site)),
            tooltip=html.escape(site.place.name),
        )
        marker.add_to(fmap)
    return fmap.get_root().render()
