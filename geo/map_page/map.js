/*
 * missionmap page: draws one mission's sites from the JSON in <script id="mm-data">.
 *
 * Every string that came from a document is put on the page with textContent or as a
 * DOM property, never parsed as HTML, so a report cannot inject markup or script.
 *
 * folium makes the Leaflet map, its outline and regions; the page's site layer (the
 * folium element geo.render.SiteLayer) then calls L.missionmap(map) to draw the sites
 * and fill the legend and the list beside the map.
 *
 * The page object `window.missionmap` is a documented interface (the browser tests use it):
 *   map               the Leaflet map
 *   layers            {status slug: L.FeatureGroup} - one switchable layer per status
 *   unconfirmed       {status slug: L.FeatureGroup} - the unconfirmed part of each status layer
 *   position(id)      the L.LatLng at which a site's marker is drawn
 *   openSite(id)      zoom to a site and open its popup, as choosing it in the list does
 *   showStatus(slug, visible)  switch a status layer on or off, as its legend checkbox does
 *   showUnconfirmed(visible)   switch the unconfirmed sites on or off, as their checkbox does
 *   badges            {site id: L.Marker} - the badge of each site with conflicting reports
 *   popup             the popup a site opens in
 *
 * A site is shown when its status is switched on and, if it is unconfirmed, when the
 * unconfirmed sites are too: the "Unconfirmed" switch hides every unchecked reading
 * whatever its status, and a status switch hides that status whatever its kind. The
 * unconfirmed sites of a status are a group inside the status's layer, which the
 * "Unconfirmed" switch takes out and puts back.
 */
L.missionmap = function (map) {
  "use strict";

  var data = JSON.parse(document.getElementById("mm-data").textContent);
  var statuses = data.statuses;
  var kinds = data.kinds;
  var sites = data.sites;
  var siteCount = sites.id.length;
  var narrowScreen = window.matchMedia("(max-width: 700px)");

  function column(name, index) {
    var values = sites[name];
    return values === undefined ? null : values[index];
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  // A "show all" button after a text the page cut (geo.render.clipped): it puts the whole
  // text, `full`, in `node`; hidden when the text was not cut.
  function showAll(node, full) {
    var button = element("button", "mm-show-all", "Show all");
    button.type = "button";
    button.hidden = !full;
    button.addEventListener("click", function () {
      node.textContent = full;
      button.hidden = true;
    });
    return button;
  }

  function safeUrl(url) {
    return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
  }

  // Each shape fits the circle of radius r that the hit test uses.
  function outline(shape, x, y, r) {
    var s;
    if (shape === "square") {
      s = r * 0.8;
      return [[x - s, y - s], [x + s, y - s], [x + s, y + s], [x - s, y + s]];
    }
    if (shape === "triangle") {
      s = r * Math.sqrt(3) / 2;
      return [[x, y - r], [x + s, y + r / 2], [x - s, y + r / 2]];
    }
    return null; // a circle
  }

  // Radii that give the three shapes about the same weight on the map.
  var MARKER_RADIUS = { circle: 7.5, square: 8.5, triangle: 10.5 };
  var DECLUTTER_PX = 2;

  // A status's symbol: filled, or hollow and dashed for an unconfirmed site.
  function symbol(status, hollow) {
    var svgNs = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(svgNs, "svg");
    svg.setAttribute("class", "mm-symbol");
    svg.setAttribute("viewBox", "0 0 20 20");
    svg.setAttribute("width", "16");
    svg.setAttribute("height", "16");
    svg.setAttribute("aria-hidden", "true");
    var r = markerRadius(status);
    var points = outline(status.shape, 10, 10, r);
    var shape;
    if (points) {
      shape = document.createElementNS(svgNs, "polygon");
      shape.setAttribute("points", points.map(function (p) { return p.join(","); }).join(" "));
    } else {
      shape = document.createElementNS(svgNs, "circle");
      shape.setAttribute("cx", "10");
      shape.setAttribute("cy", "10");
      shape.setAttribute("r", String(r));
    }
    if (hollow) {
      shape.setAttribute("fill", "none");
      shape.setAttribute("stroke", status.colour);
      shape.setAttribute("stroke-width", String(data.unconfirmedLine.width));
      shape.setAttribute("stroke-dasharray", data.unconfirmedLine.dash.join(" "));
    } else {
      shape.setAttribute("fill", status.colour);
      shape.setAttribute("stroke", "#222");
      shape.setAttribute("stroke-width", "1.5");
    }
    svg.appendChild(shape);
    return svg;
  }

  function isHollow(i) {
    return kinds[sites.confirmation[i]].hollow;
  }

  function siteSymbol(i) {
    return symbol(statuses[sites.status[i]], isHollow(i));
  }

  function conflicts(i) {
    return column("conflicts", i) || [];
  }

  function markerRadius(status) {
    return MARKER_RADIUS[status.shape] || MARKER_RADIUS.circle;
  }

  // Where each site lies at zoom 0, in Leaflet's pixel space: scaled by 2^zoom it gives
  // the site's pixel at any zoom, so moving the map needs no new projection.
  var projectedX = new Float64Array(siteCount);
  var projectedY = new Float64Array(siteCount);

  // One canvas per status and fill (filled, or hollow for unconfirmed sites), on which
  // every visible site gets a copy of the marker: a map of 100 000 sites stays quick,
  // where a Leaflet layer per site would not. L.Renderer keeps the canvas placed and
  // scaled while the map pans and zooms.
  var SiteLayer = L.Renderer.extend({
    initialize: function (status, hollow, members) {
      L.Renderer.prototype.initialize.call(this, { padding: 0.2, pane: "mmSites" });
      this.status = status;
      this.hollow = hollow;
      this.members = members;
    },

    _initContainer: function () {
      this._container = document.createElement("canvas");
      this._container.className = "mm-sites";
      this._ctx = this._container.getContext("2d");
      this._drawnView = null;
    },

    _destroyContainer: function () {
      L.DomUtil.remove(this._container);
      delete this._ctx;
      delete this._container;
    },

    _update: function () {
      if (this._map._animatingZoom && this._bounds) return;
      L.Renderer.prototype._update.call(this);
      var bounds = this._bounds;
      // A zoom without animation resets the view and then ends a move: draw once.
      var view = [bounds.min.x, bounds.min.y, bounds.max.x, bounds.max.y, this._zoom].join();
      if (view === this._drawnView) return;
      this._drawnView = view;
      var size = bounds.getSize();
      var ratio = window.devicePixelRatio || 1;
      var canvas = this._container;
      L.DomUtil.setPosition(canvas, bounds.min);
      canvas.width = Math.round(size.x * ratio);
      canvas.height = Math.round(size.y * ratio);
      canvas.style.width = size.x + "px";
      canvas.style.height = size.y + "px";
      var sprite = this._sprite(ratio);
      var half = sprite.width / 2;
      var ctx = this._ctx;
      var scale = this._map.getZoomScale(this._map.getZoom(), 0);
      var originX = this._map.getPixelOrigin().x + bounds.min.x;
      var originY = this._map.getPixelOrigin().y + bounds.min.y;
      var width = canvas.width, height = canvas.height;
      // Of sites that fall within the same few pixels, one marker is drawn: the others
      // would hide beneath it anyway.
      var cell = DECLUTTER_PX * ratio;
      var columns = Math.ceil((width + 2 * half) / cell) + 1;
      var drawn = new Uint8Array(columns * (Math.ceil((height + 2 * half) / cell) + 1));
      for (var k = 0; k < this.members.length; k++) {
        var i = this.members[k];
        // Whole device pixels: the sprite is copied, never resampled.
        var x = Math.round((projectedX[i] * scale - originX) * ratio - half);
        var y = Math.round((projectedY[i] * scale - originY) * ratio - half);
        if (x <= -2 * half || x >= width || y <= -2 * half || y >= height) continue;
        var at = Math.floor((y + 2 * half) / cell) * columns + Math.floor((x + 2 * half) / cell);
        if (drawn[at]) continue;
        drawn[at] = 1;
        ctx.drawImage(sprite, x, y);
      }
    },

    // The marker, drawn once per pixel ratio and then copied to each site: much faster
    // than drawing a path per site.
    _sprite: function (ratio) {
      if (this._spriteCanvas && this._spriteRatio === ratio) return this._spriteCanvas;
      var r = markerRadius(this.status);
      var side = Math.ceil((2 * r + 4) * ratio);
      var sprite = document.createElement("canvas");
      sprite.width = sprite.height = side;
      var ctx = sprite.getContext("2d");
      ctx.scale(ratio, ratio);
      var centre = side / ratio / 2;
      var points = outline(this.status.shape, centre, centre, r);
      ctx.beginPath();
      if (points) {
        ctx.moveTo(points[0][0], points[0][1]);
        for (var m = 1; m < points.length; m++) ctx.lineTo(points[m][0], points[m][1]);
        ctx.closePath();
      } else {
        ctx.arc(centre, centre, r, 0, 2 * Math.PI);
      }
      ctx.lineJoin = "round";
      if (this.hollow) {
        // A pale halo under the dashes keeps them apart from a busy basemap.
        ctx.lineWidth = data.unconfirmedLine.width + 2;
        ctx.strokeStyle = "rgba(255, 255, 255, 0.8)";
        ctx.stroke();
        ctx.setLineDash(data.unconfirmedLine.dash);
        ctx.lineWidth = data.unconfirmedLine.width;
        ctx.strokeStyle = this.status.colour;
        ctx.stroke();
      } else {
        ctx.fillStyle = this.status.colour;
        ctx.fill();
        ctx.lineWidth = 1.5;
        ctx.strokeStyle = "#222";
        ctx.stroke();
      }
      this._spriteCanvas = sprite;
      this._spriteRatio = ratio;
      return sprite;
    },

    // The topmost of this layer's sites under a point of the layer, or -1.
    siteAt: function (point) {
      var scale = this._map.getZoomScale(this._map.getZoom(), 0);
      var origin = this._map.getPixelOrigin();
      var reach = markerRadius(this.status) + 2;
      for (var k = this.members.length - 1; k >= 0; k--) {
        var i = this.members[k];
        var dx = projectedX[i] * scale - origin.x - point.x;
        var dy = projectedY[i] * scale - origin.y - point.y;
        if (dx * dx + dy * dy <= reach * reach) return i;
      }
      return -1;
    },
  });

  // Sites sit above the outline and regions, which Leaflet draws as SVG over any canvas.
  map.createPane("mmSites").style.zIndex = 450;

  var tiles = data.tiles;
  var tileLayer = L.tileLayer(tiles.url, { maxZoom: tiles.maxZoom, attribution: tiles.attribution });
  // Tiles are an online enhancement: a browser that knows it is offline does not ask for them.
  function goOnline() {
    document.body.classList.remove("mm-offline");
    tileLayer.addTo(map);
  }
  tileLayer.on("tileerror", function () {
    document.body.classList.add("mm-offline");
  });
  window.addEventListener("online", goOnline);
  if (navigator.onLine) {
    goOnline();
  } else {
    document.body.classList.add("mm-offline");
  }
  data.credits.forEach(function (credit) {
    var url = safeUrl(credit.url);
    var node = element(url ? "a" : "span", null, credit.name);
    if (url) node.href = url;
    map.attributionControl.addAttribution(node.outerHTML);
  });

  var layers = {};
  var unconfirmed = {};
  var badges = {};
  var siteLayers = [];
  var indexOf = {};
  var members = statuses.map(function () { return []; });
  var kindCounts = kinds.map(function () { return 0; });
  var conflictCount = 0;
  for (var i = 0; i < siteCount; i++) {
    var projected = map.project([sites.lat[i], sites.lon[i]], 0);
    projectedX[i] = projected.x;
    projectedY[i] = projected.y;
    members[sites.status[i]].push(i);
    indexOf[sites.id[i]] = i;
    kindCounts[sites.confirmation[i]] += 1;
    if (conflicts(i).length) conflictCount += 1;
  }

  // The badge of a site with conflicting reports: a mark at the marker's upper right,
  // a DOM element (there are few) so that it has an accessible name.
  function badge(i) {
    var mark = element("span", "mm-conflict-badge", "!");
    mark.setAttribute("role", "img");
    mark.setAttribute("aria-label", "conflicting reports");
    var r = markerRadius(statuses[sites.status[i]]);
    var marker = L.marker([sites.lat[i], sites.lon[i]], {
      icon: L.divIcon({ className: "mm-conflict", html: mark, iconSize: [16, 16], iconAnchor: [5 - r, 11 + r] }),
      keyboard: false,
    });
    marker.on("click", function () { openPopup(i); });
    badges[sites.id[i]] = marker;
    return marker;
  }

  // The parts of a status's layer drawn for `group`: its precision circles, its canvas
  // of markers and its conflict badges.
  function parts(status, hollow, group) {
    var siteLayer = new SiteLayer(status, hollow, group);
    var drawn = [];
    group.forEach(function (i) {
      var precision = column("precisionKm", i);
      if (!precision) return;
      drawn.push(L.circle([sites.lat[i], sites.lon[i]], {
        radius: precision * 1000,
        color: status.colour,
        weight: 1.5,
        dashArray: "6 5",
        fill: false,
        interactive: false,
      }));
    });
    drawn.push(siteLayer);
    siteLayers.push(siteLayer);
    group.forEach(function (i) {
      if (conflicts(i).length) drawn.push(badge(i));
    });
    return drawn;
  }

  statuses.forEach(function (status, index) {
    var filled = members[index].filter(function (i) { return !isHollow(i); });
    var hollow = members[index].filter(isHollow);
    unconfirmed[status.slug] = L.featureGroup(parts(status, true, hollow));
    layers[status.slug] = L.featureGroup(
      parts(status, false, filled).concat([unconfirmed[status.slug]])
    ).addTo(map);
  });
  var unconfirmedShown = true;

  function position(id) {
    var i = indexOf[id];
    return i === undefined ? null : map.unproject([projectedX[i], projectedY[i]], 0);
  }

  // The site under a point of the map container, topmost layer first; -1 when none.
  function siteAt(containerPoint) {
    var point = map.containerPointToLayerPoint(containerPoint);
    for (var s = siteLayers.length - 1; s >= 0; s--) {
      if (!map.hasLayer(siteLayers[s])) continue;
      var i = siteLayers[s].siteAt(point);
      if (i >= 0) return i;
    }
    return -1;
  }

  var popup = L.popup({ maxWidth: 320, autoPanPadding: [24, 24] });
  var tooltip = L.tooltip({ direction: "top", offset: [0, -8] });

  function dateText(dateIndex) {
    return data.dates[dateIndex] || "undated";
  }

  function sourceLine(sourceIndex) {
    var source = data.sources[sourceIndex];
    var line = element("p", "mm-source");
    line.appendChild(document.createTextNode("Source: "));
    var url = safeUrl(source.url);
    var title = element(url ? "a" : "span", "mm-source-title", source.label);
    if (url) {
      title.href = url;
      title.target = "_blank";
      title.rel = "noopener noreferrer";
    }
    line.appendChild(title);
    line.appendChild(showAll(title, source.full));
    var details = [source.publisher, source.date].filter(Boolean).join(", ");
    if (details) line.appendChild(document.createTextNode(" (" + details + ")"));
    return line;
  }

  function history(i) {
    return column("history", i) || [[sites.date[i], sites.status[i], sites.source[i]]];
  }

  // How far a person stands behind a site's status, in words.
  function confirmationText(i) {
    var kind = kinds[sites.confirmation[i]].slug;
    var confidence = Number(sites.confidence[i]).toFixed(2);
    if (kind === "confirmed") return "Confirmed by a person";
    if (kind === "read") return "Read by machine, confidence " + confidence;
    return "Unconfirmed \u2014 read by machine, confidence " + confidence + "; not checked by a person";
  }

  // Both statements of a same-day conflict, each with its status, date, quote and source.
  function conflictContent(conflict) {
    var box = element("div", "mm-conflict-detail");
    box.appendChild(element("p", "mm-conflict-reason", conflict.reason));
    [conflict.kept, conflict.other].forEach(function (said) {
      var line = element("p", "mm-conflict-status");
      line.appendChild(element("strong", null, statuses[said[1]].label));
      line.appendChild(document.createTextNode(" \u00b7 " + dateText(said[0])));
      box.appendChild(line);
      var quote = box.appendChild(element("blockquote", "mm-quote", said[3]));
      box.appendChild(showAll(quote, said[4]));
      box.appendChild(sourceLine(said[2]));
    });
    return box;
  }

  function popupContent(i) {
    var status = statuses[sites.status[i]];
    var box = element("div", "mm-popup");
    box.appendChild(element("h3", "mm-popup-name", sites.name[i]));
    var line = element("p", "mm-popup-status");
    line.appendChild(siteSymbol(i));
    line.appendChild(element("strong", null, status.label));
    line.appendChild(element("span", null, "\u00b7 " + dateText(sites.date[i])));
    box.appendChild(line);
    var kind = "mm-confirmation mm-" + kinds[sites.confirmation[i]].slug;
    box.appendChild(element("p", kind, confirmationText(i)));

    var siteKind = column("kind", i);
    if (siteKind) box.appendChild(element("p", "mm-kind", "Kind: " + siteKind));
    var precision = column("precisionKm", i);
    if (precision) {
      box.appendChild(element("p", "mm-approx", "Position approximate (\u00b1" + precision + " km)"));
    }
    var quote = box.appendChild(element("blockquote", "mm-quote", sites.quote[i]));
    box.appendChild(showAll(quote, column("quoteFull", i)));
    box.appendChild(sourceLine(sites.source[i]));
    var note = column("note", i);
    if (note) box.appendChild(element("p", "mm-note", "Note: " + note));
    conflicts(i).forEach(function (conflict) {
      box.appendChild(element("h4", "mm-conflict-heading", data.conflictLabel));
      box.appendChild(conflictContent(conflict));
    });
    box.appendChild(element("h4", null, "History"));
    var steps = element("ol", "mm-history");
    history(i).forEach(function (step) {
      var item = element("li");
      item.appendChild(element("time", null, dateText(step[0])));
      item.appendChild(document.createTextNode(" " + statuses[step[1]].label + " \u2014 "));
      item.appendChild(element("span", "mm-history-source", data.sources[step[2]].label));
      steps.appendChild(item);
    });
    box.appendChild(steps);
    return box;
  }

  function openPopup(i) {
    popup.siteIndex = i;
    // Room for the popup's own padding and the auto-pan margins on a phone.
    popup.options.maxWidth = Math.min(320, map.getSize().x - 100);
    popup.setLatLng([sites.lat[i], sites.lon[i]]).setContent(popupContent(i)).openOn(map);
  }

  function showStatus(slug, visible) {
    var layer = layers[slug];
    if (visible) {
      map.addLayer(layer);
    } else {
      map.removeLayer(layer);
      if (map.hasLayer(popup) && statuses[sites.status[popup.siteIndex]].slug === slug) {
        map.closePopup(popup);
      }
    }
    var box = document.querySelector('input[data-status="' + slug + '"]');
    if (box) box.checked = visible;
  }

  function showUnconfirmed(visible) {
    unconfirmedShown = visible;
    statuses.forEach(function (status) {
      if (visible) {
        layers[status.slug].addLayer(unconfirmed[status.slug]);
      } else {
        layers[status.slug].removeLayer(unconfirmed[status.slug]);
      }
    });
    if (!visible && map.hasLayer(popup) && isHollow(popup.siteIndex)) map.closePopup(popup);
    var box = document.querySelector('input[data-kind="unconfirmed"]');
    if (box) box.checked = visible;
  }

  function openSite(id) {
    var i = indexOf[id];
    if (i === undefined) return;
    var status = statuses[sites.status[i]];
    if (!map.hasLayer(layers[status.slug])) showStatus(status.slug, true);
    if (isHollow(i) && !unconfirmedShown) showUnconfirmed(true);
    if (narrowScreen.matches) setPanel(false);
    map.setView([sites.lat[i], sites.lon[i]], Math.max(map.getZoom(), data.siteZoom), { animate: false });
    openPopup(i);
  }

  map.on("click", function (event) {
    var i = siteAt(event.containerPoint);
    if (i >= 0) openPopup(i);
  });
  var hovered = -1;
  map.on("mousemove", function (event) {
    var i = siteAt(event.containerPoint);
    if (i === hovered) return;
    hovered = i;
    map.getContainer().classList.toggle("mm-over-site", i >= 0);
    if (i < 0) {
      map.closeTooltip(tooltip);
      return;
    }
    tooltip.setLatLng([sites.lat[i], sites.lon[i]]).setContent(element("span", null, sites.name[i]));
    map.openTooltip(tooltip);
  });
  map.on("mouseout", function () {
    hovered = -1;
    map.closeTooltip(tooltip);
  });

  // The legend doubles as the layer switch: one checkbox per status.
  var legend = document.getElementById("mm-legend-items");
  statuses.forEach(function (status, index) {
    var label = element("label", "mm-legend-item");
    var box = element("input");
    box.type = "checkbox";
    box.checked = true;
    box.setAttribute("data-status", status.slug);
    box.addEventListener("change", function () {
      showStatus(status.slug, box.checked);
    });
    label.appendChild(box);
    label.appendChild(symbol(status));
    label.appendChild(element("span", null, status.label + " (" + members[index].length + ")"));
    legend.appendChild(label);
  });

  // Below the statuses, the kinds of statement present: unconfirmed sites have a switch.
  var kindLegend = document.getElementById("mm-legend-kinds");
  var neutral = { shape: "circle", colour: data.kindColour };
  kinds.forEach(function (kind, index) {
    if (!kindCounts[index]) return;
    var row = element(kind.hollow ? "label" : "p", "mm-legend-kind");
    if (kind.hollow) {
      var box = element("input");
      box.type = "checkbox";
      box.checked = true;
      box.setAttribute("data-kind", kind.slug);
      box.addEventListener("change", function () {
        showUnconfirmed(box.checked);
      });
      row.appendChild(box);
    }
    row.appendChild(symbol(neutral, kind.hollow));
    row.appendChild(element("span", null, kind.label + " (" + kindCounts[index] + ")"));
    kindLegend.appendChild(row);
  });
  if (conflictCount) {
    var row = element("p", "mm-legend-kind");
    var mark = element("span", "mm-conflict-badge mm-symbol", "!");
    mark.setAttribute("aria-hidden", "true");
    row.appendChild(mark);
    row.appendChild(element("span", null, data.conflictLabel + " (" + conflictCount + ")"));
    kindLegend.appendChild(row);
  }
  if (sites.precisionKm) {
    document.getElementById("mm-legend-approx").hidden = false;
  }

  // The list of sites: the text alternative to the map. It grows a chunk at a time as
  // the reader reaches its end, so that a map of many sites still opens at once.
  var list = document.getElementById("mm-site-list");
  var more = document.getElementById("mm-more-sites");
  var listed = 0;

  function listEntry(j) {
    var item = element("li");
    var button = element("button", "mm-site");
    button.type = "button";
    button.setAttribute("data-site", sites.id[j]);
    button.appendChild(siteSymbol(j));
    button.appendChild(element("span", "mm-site-name", sites.name[j]));
    var detail = element("span", "mm-site-detail", statuses[sites.status[j]].label + " \u00b7 ");
    detail.appendChild(element("time", null, dateText(sites.date[j])));
    if (isHollow(j)) detail.appendChild(element("strong", "mm-unconfirmed", " \u00b7 unconfirmed"));
    if (conflicts(j).length) {
      detail.appendChild(element("strong", "mm-conflicting", " \u00b7 conflicting reports"));
    }
    button.appendChild(detail);
    item.appendChild(button);
    return item;
  }

  function listMore() {
    var fragment = document.createDocumentFragment();
    var end = Math.min(siteCount, listed + data.listChunk);
    for (; listed < end; listed++) fragment.appendChild(listEntry(listed));
    list.appendChild(fragment);
    more.hidden = listed >= siteCount;
    more.textContent = "Show more sites (" + (siteCount - listed) + " not listed yet)";
  }

  listMore();
  if (!siteCount) list.appendChild(element("li", "mm-no-sites", "No report names a mission site yet."));
  more.addEventListener("click", listMore);
  new IntersectionObserver(function (entries) {
    if (entries[0].isIntersecting && listed < siteCount) listMore();
  }).observe(more);
  list.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-site]");
    if (button) openSite(button.getAttribute("data-site"));
  });

  // On a narrow screen the panel (legend, sites, credits) starts hidden behind a toggle.
  var toggle = document.getElementById("mm-panel-toggle");
  var panel = document.getElementById("mm-panel");
  function setPanel(open) {
    document.body.classList.toggle("mm-panel-open", open);
    document.body.classList.toggle("mm-panel-closed", !open);
    toggle.setAttribute("aria-expanded", String(open));
  }
  function panelShown() {
    return window.getComputedStyle(panel).display !== "none";
  }
  toggle.addEventListener("click", function () {
    setPanel(!panelShown());
  });
  narrowScreen.addEventListener("change", function () {
    document.body.classList.remove("mm-panel-open", "mm-panel-closed");
    toggle.setAttribute("aria-expanded", String(panelShown()));
  });
  toggle.setAttribute("aria-expanded", String(panelShown()));
  new ResizeObserver(function () {
    map.invalidateSize();
  }).observe(document.getElementById("mm-map"));

  window.missionmap = {
    map: map,
    layers: layers,
    unconfirmed: unconfirmed,
    badges: badges,
    showUnconfirmed: showUnconfirmed,
    position: position,
    popup: popup,
    openSite: openSite,
    showStatus: showStatus,
  };
  document.body.classList.add("mm-ready");
};
