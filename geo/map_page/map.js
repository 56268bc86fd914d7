/*
 * missionmap page: makes the Leaflet map and draws one mission's sites, in time, from the
 * data block <script id="mm-data"> (JSON, gzip-compressed and base64-encoded: see
 * geo.render.page_data for its tables).
 *
 * Every string that came from a document is put on the page with textContent or as a
 * DOM property, never parsed as HTML, so a report cannot inject markup or script.
 *
 * Time: each site carries its stages, the site as the merge in Python made it on each day
 * of its story (geo.merge.replay). For the chosen day the page takes, per site, the last
 * stage on or before it -- a binary search, and no merge rule of its own, so the page and
 * `missionmap sites --as-of` cannot disagree. A site with no stage by then is not shown.
 * A step of the slider looks only at the sites with a stage between the two days, and
 * touches only the canvases and list entries of the sites that change.
 * The chosen day is in the address (#date=2023-12-11) once the reader picks one.
 *
 * The page object `window.missionmap` is a documented interface (the browser tests use it):
 *   map               the Leaflet map
 *   layers            {status slug: L.FeatureGroup} - one switchable layer per status
 *   unconfirmed       {status slug: L.FeatureGroup} - the unconfirmed part of each status layer
 *   position(id)      the L.LatLng at which a site's marker is drawn
 *   openSite(id)      zoom to a site and open its popup, as choosing it in the list does
 *   showStatus(slug, visible)  switch a status layer on or off, as its legend checkbox does
 *   showUnconfirmed(visible)   switch the unconfirmed sites on or off, as their checkbox does
 *   showDate(iso)     show the sites as of a day (YYYY-MM-DD), as the date slider does
 *   date()            the day shown, YYYY-MM-DD, or null on a page without dated statements
 *   badges            {site id: L.Marker} - the badge of each shown site with conflicting reports
 *   popup             the popup a site opens in
 *
 * A site is shown when it has a status on the chosen day, its status is switched on and,
 * if it is unconfirmed, the unconfirmed sites are too: the "Unconfirmed" switch hides every
 * unchecked reading whatever its status, and a status switch hides that status whatever
 * its kind. The unconfirmed sites of a status are a group inside the status's layer, which
 * the "Unconfirmed" switch takes out and puts back.
 */
(function () {
  "use strict";

  var MS_PER_DAY = 86400000;
  var PLAY_STEP_MS = 700; // how long play dwells on each event
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];

  function unpack(text) {
    var binary = atob(text.trim());
    var bytes = new Uint8Array(binary.length);
    for (var b = 0; b < binary.length; b++) bytes[b] = binary.charCodeAt(b);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).json();
  }

  unpack(document.getElementById("mm-data").textContent).then(start);

  function start(data) {
    var map = L.map(document.querySelector("#mm-map .mm-leaflet"), { center: [0, 0], zoom: 2, zoomSnap: 0.5 });
    // The view comes first, without animation: the page opens on it, and every layer is
    // laid out once, for it (an outline laid out before stays blurred). A map with a view
    // also spares each layer waiting for its "load" event, which Leaflet's check for
    // duplicate listeners makes quadratic in the number of layers.
    if (data.view) {
      map.fitBounds(data.view.bounds, { animate: false, padding: data.view.padding, maxZoom: data.view.maxZoom });
    }
    data.outline.forEach(function (layer) {
      L.geoJSON(layer.shapes, { style: layer.style, interactive: false }).addTo(map);
    });

    var statuses = data.statuses;
    var kinds = data.kinds;
    var sites = data.sites;
    var said = data.statements;
    var stages = data.stages;
    var siteCount = sites.id.length;
    var narrowScreen = window.matchMedia("(max-width: 700px)");

    // A value of a column that may be left out (when empty for every row): of the sites
    // table, or of `table` when given.
    function column(name, index, table) {
      var values = (table || sites)[name];
      return values === undefined ? null : values[index];
    }
    function element(tag, className, text) {
      var node = document.createElement(tag);
      if (className) node.className = className;
      if (text !== undefined && text !== null) node.textContent = String(text);
      return node;
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

    // Where each site's statements and stages start in their tables.
    var firstStatement = new Int32Array(siteCount + 1);
    var firstStage = new Int32Array(siteCount + 1);
    for (var s = 0; s < siteCount; s++) {
      firstStatement[s + 1] = firstStatement[s] + sites.statements[s];
      firstStage[s + 1] = firstStage[s] + sites.stages[s];
    }

    // Days as whole numbers since 1970; an undated stage holds from the start.
    function dayOf(iso) {
      return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / MS_PER_DAY;
    }
    function isoOf(day) {
      return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    }
    function dayInWords(day) {
      var date = new Date(day * MS_PER_DAY);
      return date.getUTCDate() + " " + MONTHS[date.getUTCMonth()] + " " + date.getUTCFullYear();
    }
    var stageDay = new Float64Array(stages.date.length);
    var eventDays = [];
    stages.date.forEach(function (dateIndex, k) {
      var iso = data.dates[dateIndex];
      stageDay[k] = iso === null ? -Infinity : dayOf(iso);
      if (iso !== null) eventDays.push(stageDay[k]);
    });
    eventDays = Array.from(new Set(eventDays)).sort(function (a, b) { return a - b; });

    // The stage each site is at on the chosen day, -1 before its first.
    var current = new Int32Array(siteCount).fill(-1);
    var shownDay = null; // until the page shows its first day

    // Every stage in order of its day, with its site: the sites whose stage can differ
    // between two days are those with a stage dated between them, so a step of the slider
    // looks at those few sites rather than at all of them.
    var stagesInTimeOrder = new Int32Array(stageDay.length);
    for (var k = 0; k < stagesInTimeOrder.length; k++) stagesInTimeOrder[k] = k;
    stagesInTimeOrder.sort(function (a, b) { return stageDay[a] - stageDay[b] || a - b; });
    var siteOfStage = new Int32Array(stageDay.length);
    var daysInTimeOrder = new Float64Array(stageDay.length);
    for (var s = 0; s < siteCount; s++) siteOfStage.fill(s, firstStage[s], firstStage[s + 1]);
    stagesInTimeOrder.forEach(function (stage, k) { daysInTimeOrder[k] = stageDay[stage]; });

    // How many stages are dated on or before `day`.
    function stagesUpTo(day) {
      var low = 0, high = daysInTimeOrder.length;
      while (low < high) {
        var middle = (low + high) >> 1;
        if (daysInTimeOrder[middle] <= day) {
          low = middle + 1;
        } else {
          high = middle;
        }
      }
      return low;
    }

    // The sites with a stage dated after one of the two days and on or before the other,
    // each once; null when there are about as many as sites (look at every site then).
    var seen = new Uint8Array(siteCount);
    function sitesChangingBetween(day, otherDay) {
      var start = stagesUpTo(Math.min(day, otherDay)), end = stagesUpTo(Math.max(day, otherDay));
      if (end - start >= siteCount) return null;
      var found = [];
      for (var k = start; k < end; k++) {
        var site = siteOfStage[stagesInTimeOrder[k]];
        if (seen[site]) continue;
        seen[site] = 1;
        found.push(site);
      }
      found.forEach(function (site) { seen[site] = 0; });
      return found;
    }

    function stageOn(i, day) {
      var low = firstStage[i], high = firstStage[i + 1] - 1, found = -1;
      while (low <= high) {
        var middle = (low + high) >> 1;
        if (stageDay[middle] <= day) {
          found = middle;
          low = middle + 1;
        } else {
          high = middle - 1;
        }
      }
      return found;
    }

    function isShown(i) {
      return current[i] >= 0;
    }

    // The statement a site's status rests on at the chosen day, as a row of `said`.
    function statement(i) {
      return firstStatement[i] + stages.statement[current[i]];
    }

    function statusOf(i) {
      return statuses[said.status[statement(i)]];
    }

    function isHollow(i) {
      return kinds[said.confirmation[statement(i)]].hollow;
    }

    function siteSymbol(i) {
      return symbol(statusOf(i), isHollow(i));
    }

    function conflicts(i) {
      return (stages.conflicts && stages.conflicts[current[i]]) || [];
    }

    function markerRadius(status) {
      return MARKER_RADIUS[status.shape] || MARKER_RADIUS.circle;
    }

    // Where each site lies at zoom 0, in Leaflet's pixel space: scaled by 2^zoom it gives
    // the site's pixel at any zoom, so moving the map needs no new projection.
    var projectedX = new Float64Array(siteCount);
    var projectedY = new Float64Array(siteCount);

    // Which pixels of the canvas being drawn are hidden by opaque pixels, one byte each: one
    // buffer for every layer, since they draw one after another.
    var coverageBuffer = new Uint8Array(0);
    function coverage(size) {
      if (coverageBuffer.length < size) coverageBuffer = new Uint8Array(size);
      var buffer = coverageBuffer.subarray(0, size);
      buffer.fill(0);
      return buffer;
    }

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
        var width = Math.round(size.x * ratio), height = Math.round(size.y * ratio);
        // A canvas keeps its pixels, cleared, while its size stays: a new size costs a new one.
        if (canvas.width !== width || canvas.height !== height) {
          canvas.width = width;
          canvas.height = height;
          canvas.style.width = size.x + "px";
          canvas.style.height = size.y + "px";
        } else {
          this._ctx.clearRect(0, 0, width, height);
        }
        var sprite = this._sprite(ratio);
        var side = sprite.width;
        var ctx = this._ctx;
        var scale = this._map.getZoomScale(this._map.getZoom(), 0);
        var originX = this._map.getPixelOrigin().x + bounds.min.x;
        var originY = this._map.getPixelOrigin().y + bounds.min.y;
        // The topmost site (the last) is drawn first and each one below it goes under what
        // is drawn ("destination-over", which gives the same pixels as drawing upwards): a
        // marker whose every pixel lies under opaque pixels already drawn is left out. Where
        // sites crowd, most are: at 100 000 sites the map draws a third of them.
        this._placement = { scale: scale, originX: originX, originY: originY, ratio: ratio, width: width, height: height };
        var stride = width + 2 * side;
        var covered = coverage(stride * (height + 2 * side));
        var visible = this._spriteVisible.map(function (at) { return at[1] * stride + at[0]; });
        var opaque = this._spriteOpaque.map(function (at) { return at[1] * stride + at[0]; });
        ctx.globalCompositeOperation = "destination-over";
        for (var k = this.members.length - 1; k >= 0; k--) {
          var i = this.members[k];
          // Whole device pixels: the sprite is copied, never resampled.
          var x = Math.round((projectedX[i] * scale - originX) * ratio - side / 2);
          var y = Math.round((projectedY[i] * scale - originY) * ratio - side / 2);
          if (x <= -side || x >= width || y <= -side || y >= height) continue;
          var corner = (y + side) * stride + x + side;
          var hidden = true;
          for (var m = 0; m < visible.length && hidden; m++) hidden = covered[corner + visible[m]] === 1;
          if (hidden) continue;
          for (m = 0; m < opaque.length; m++) covered[corner + opaque[m]] = 1;
          ctx.drawImage(sprite, x, y);
        }
        ctx.globalCompositeOperation = "source-over";
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
        // Its pixels that show ([x, y], the outermost first: a marker in view is usually
        // told by one of them) and those that hide whatever is beneath them.
        var alpha = ctx.getImageData(0, 0, side, side).data;
        var shown = [];
        for (var p = 0; p < side * side; p++) {
          if (alpha[4 * p + 3]) shown.push([p % side, Math.floor(p / side), alpha[4 * p + 3]]);
        }
        var middle = (side - 1) / 2;
        function reach(at) { return Math.abs(at[0] - middle) + Math.abs(at[1] - middle); }
        this._spriteVisible = shown.sort(function (a, b) { return reach(b) - reach(a); });
        this._spriteOpaque = shown.filter(function (at) { return at[2] === 255; });
        this._spriteCanvas = sprite;
        this._spriteRatio = ratio;
        return sprite;
      },

      // Draw `members` in place of the sites drawn so far.
      show: function (members) {
        this.members = members;
        this._drawnView = null;
        if (this._map) this._update();
      },

      // Draw `newcomers`, which stack above every site drawn so far, on top of them.
      add: function (newcomers) {
        this.members = this.members.concat(newcomers);
        if (!this._map || this._drawnView === null) return;
        var at = this._placement;
        var sprite = this._sprite(at.ratio);
        var side = sprite.width;
        newcomers.forEach(function (i) {
          var x = Math.round((projectedX[i] * at.scale - at.originX) * at.ratio - side / 2);
          var y = Math.round((projectedY[i] * at.scale - at.originY) * at.ratio - side / 2);
          if (x > -side && x < at.width && y > -side && y < at.height) this._ctx.drawImage(sprite, x, y);
        }, this);
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
    for (var i = 0; i < siteCount; i++) {
      var projected = map.project([sites.lat[i], sites.lon[i]], 0);
      projectedX[i] = projected.x;
      projectedY[i] = projected.y;
      indexOf[sites.id[i]] = i;
    }

    // The badge of a site with conflicting reports: a mark at the marker's upper right,
    // a DOM element (there are few) so that it has an accessible name.
    function badge(i) {
      var mark = element("span", "mm-conflict-badge", "!");
      mark.setAttribute("role", "img");
      mark.setAttribute("aria-label", "conflicting reports");
      var r = markerRadius(statusOf(i));
      var marker = L.marker([sites.lat[i], sites.lon[i]], {
        icon: L.divIcon({ className: "mm-conflict", html: mark, iconSize: [16, 16], iconAnchor: [5 - r, 11 + r] }),
        keyboard: false,
      });
      marker.on("click", function () { openPopup(i); });
      badges[sites.id[i]] = marker;
      return marker;
    }

    // One part of a status's layer, kept in `group`: its sites drawn filled, or hollow for
    // the unconfirmed ones, on a canvas, with a precision circle for each site placed only
    // roughly and a badge for each site with conflicting reports.
    function part(status, hollow, group) {
      var siteLayer = new SiteLayer(status, hollow, []);
      siteLayers.push(siteLayer);
      group.addLayer(siteLayer);
      return { status: status, group: group, siteLayer: siteLayer };
    }

    // The parts, two per status (filled, then hollow); the part each site is drawn in, -1
    // when it is not shown; and the circle and badge each shown site has, if any.
    var parts = [];
    statuses.forEach(function (status) {
      layers[status.slug] = L.featureGroup().addTo(map);
      unconfirmed[status.slug] = L.featureGroup();
      parts.push(part(status, false, layers[status.slug]));
      parts.push(part(status, true, unconfirmed[status.slug]));
      layers[status.slug].addLayer(unconfirmed[status.slug]);
    });
    var partOf = new Int8Array(siteCount).fill(-1);

    // The part a site is drawn in at one of its stages.
    function partAt(site, stage) {
      var row = firstStatement[site] + stages.statement[stage];
      return 2 * said.status[row] + (kinds[said.confirmation[row]].hollow ? 1 : 0);
    }

    // The day on which a site came to be drawn as it is at each of its stages. Markers stack
    // in that order, the latest on top: the reader sees the sites that just changed, and on
    // a step forward a canvas that only gains sites draws them on top of what it has.
    var entered = new Float64Array(stageDay.length);
    for (var site = 0; site < siteCount; site++) {
      for (var k = firstStage[site]; k < firstStage[site + 1]; k++) {
        var unchanged = k > firstStage[site] && partAt(site, k) === partAt(site, k - 1);
        entered[k] = unchanged ? entered[k - 1] : stageDay[k];
      }
    }
    function byEntry(members) {
      return members.sort(function (a, b) {
        var dayA = entered[current[a]], dayB = entered[current[b]];
        return dayA < dayB ? -1 : dayA > dayB ? 1 : a - b;
      });
    }
    var extrasOf = new Map();
    var unconfirmedShown = true;

    function extrasFor(i) {
      var status = statusOf(i);
      var extras = [];
      var precision = column("precisionKm", i);
      if (precision) {
        extras.push(L.circle([sites.lat[i], sites.lon[i]], {
          radius: precision * 1000,
          color: status.colour,
          weight: 1.5,
          dashArray: "6 5",
          fill: false,
          interactive: false,
        }));
      }
      if (conflicts(i).length) extras.push(badge(i));
      return extras;
    }

    // What the chosen day shows, counted for the legend, in the order of the list.
    var statusCounts = statuses.map(function () { return 0; });
    var kindCounts = kinds.map(function () { return 0; });
    var conflictCount = 0;
    var shownSites = [];

    // Count site i in (1) or out (-1) of the day's figures.
    function count(i, sign) {
      var row = statement(i);
      statusCounts[said.status[row]] += sign;
      kindCounts[said.confirmation[row]] += sign;
      if (conflicts(i).length) conflictCount += sign;
    }

    // Put each site at its stage of `day` and draw the sites that have one. Only the sites
    // with a stage between the day shown and `day` can change, and only the canvases that
    // gain or lose a site are drawn again. Returns the sites whose stage changed.
    function regroup(day) {
      var candidates = shownDay === null ? null : sitesChangingBetween(shownDay, day);
      var forward = shownDay !== null && day > shownDay;
      shownDay = day;
      var changed = [];
      var lost = parts.map(function () { return false; });
      var gained = parts.map(function () { return []; });
      var shownChanged = false;
      function visit(i) {
        var stage = stageOn(i, day);
        if (stage === current[i]) return;
        changed.push(i);
        var before = partOf[i];
        if (before >= 0) {
          count(i, -1);
          extrasOf.get(i).forEach(function (layer) { parts[before].group.removeLayer(layer); });
          extrasOf.delete(i);
          delete badges[sites.id[i]];
        }
        current[i] = stage;
        var after = -1;
        if (stage >= 0) {
          count(i, 1);
          after = partAt(i, stage);
          var extras = extrasFor(i);
          extras.forEach(function (layer) { parts[after].group.addLayer(layer); });
          extrasOf.set(i, extras);
        }
        partOf[i] = after;
        if (before === after) return;
        if (before >= 0) lost[before] = true;
        if (after >= 0) gained[after].push(i);
        if (before < 0 || after < 0) shownChanged = true;
      }
      if (candidates === null) {
        for (var i = 0; i < siteCount; i++) visit(i);
      } else {
        candidates.forEach(visit);
      }
      // A step forward puts the sites a canvas gains above all it has; else it draws anew.
      var redrawn = lost.map(function (lostSome, index) {
        return lostSome || (!forward && gained[index].length > 0);
      });
      var members = parts.map(function () { return []; });
      if (shownChanged) shownSites = [];
      for (i = 0; i < siteCount; i++) {
        var at = partOf[i];
        if (at < 0) continue;
        if (shownChanged) shownSites.push(i);
        if (redrawn[at]) members[at].push(i);
      }
      parts.forEach(function (part, index) {
        if (redrawn[index]) {
          part.siteLayer.show(byEntry(members[index]));
        } else if (gained[index].length) {
          part.siteLayer.add(byEntry(gained[index]));
        }
      });
      return changed;
    }

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

    // A "Show all" button after a text the page cut (geo.render.clipped): it puts the whole
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

    // The site's statements up to the chosen day, oldest first; the one its status rests on
    // that day is marked as the current step.
    function historyList(i) {
      var steps = element("ol", "mm-history");
      var kept = statement(i);
      for (var row = firstStatement[i]; row < firstStatement[i + 1]; row++) {
        var iso = data.dates[said.date[row]];
        if (iso !== null && dayOf(iso) > shownDay) continue;
        var item = element("li", row === kept ? "mm-current" : null);
        if (row === kept) item.setAttribute("aria-current", "step");
        item.appendChild(element("time", null, dateText(said.date[row])));
        item.appendChild(document.createTextNode(" " + statuses[said.status[row]].label + " \u2014 "));
        item.appendChild(element("span", "mm-history-source", data.sources[said.source[row]].label));
        steps.appendChild(item);
      }
      return steps;
    }

    // How far a person stands behind a site's status, in words.
    function confirmationText(i) {
      var row = statement(i);
      var kind = kinds[said.confirmation[row]].slug;
      var confidence = Number(said.confidence[row]).toFixed(2);
      if (kind === "confirmed") return "Confirmed by a person";
      if (kind === "read") return "Read by machine, confidence " + confidence;
      return "Unconfirmed \u2014 read by machine, confidence " + confidence + "; not checked by a person";
    }

    // Both statements of a same-day conflict of site i, each with its status, date, quote and source.
    function conflictContent(i, conflict) {
      var box = element("div", "mm-conflict-detail");
      box.appendChild(element("p", "mm-conflict-reason", conflict.reason));
      [conflict.kept, conflict.other].forEach(function (position) {
        var row = firstStatement[i] + position;
        var line = element("p", "mm-conflict-status");
        line.appendChild(element("strong", null, statuses[said.status[row]].label));
        line.appendChild(document.createTextNode(" \u00b7 " + dateText(said.date[row])));
        box.appendChild(line);
        var quote = box.appendChild(element("blockquote", "mm-quote", said.quote[row]));
        box.appendChild(showAll(quote, column("quoteFull", row, said)));
        box.appendChild(sourceLine(said.source[row]));
      });
      return box;
    }

    function popupContent(i) {
      var row = statement(i);
      var box = element("div", "mm-popup");
      box.appendChild(element("h3", "mm-popup-name", sites.name[i]));
      var line = element("p", "mm-popup-status");
      line.appendChild(siteSymbol(i));
      line.appendChild(element("strong", null, statusOf(i).label));
      line.appendChild(element("span", null, "\u00b7 " + dateText(said.date[row])));
      box.appendChild(line);
      var kind = "mm-confirmation mm-" + kinds[said.confirmation[row]].slug;
      box.appendChild(element("p", kind, confirmationText(i)));

      var siteKind = column("kind", i);
      if (siteKind) box.appendChild(element("p", "mm-kind", "Kind: " + siteKind));
      var precision = column("precisionKm", i);
      if (precision) {
        box.appendChild(element("p", "mm-approx", "Position approximate (\u00b1" + precision + " km)"));
      }
      var quote = box.appendChild(element("blockquote", "mm-quote", said.quote[row]));
      box.appendChild(showAll(quote, column("quoteFull", row, said)));
      box.appendChild(sourceLine(said.source[row]));
      var note = column("note", i);
      if (note) box.appendChild(element("p", "mm-note", "Note: " + note));
      conflicts(i).forEach(function (conflict) {
        box.appendChild(element("h4", "mm-conflict-heading", data.conflictLabel));
        box.appendChild(conflictContent(i, conflict));
      });
      box.appendChild(element("h4", null, "History"));
      box.appendChild(historyList(i));
      return box;
    }

    function openPopup(i) {
      popup.siteIndex = i;
      // Room for the popup's own padding and the auto-pan margins on a phone.
      popup.options.maxWidth = Math.min(320, map.getSize().x - 100);
      popup.setLatLng([sites.lat[i], sites.lon[i]]).setContent(popupContent(i)).openOn(map);
    }

    function popupSiteShown() {
      var i = popup.siteIndex;
      return isShown(i) && map.hasLayer(layers[statusOf(i).slug]) && (unconfirmedShown || !isHollow(i));
    }

    // After a change of day or of a switch: the open popup follows its site, or closes.
    function refreshPopup() {
      if (!map.hasLayer(popup)) return;
      if (popupSiteShown()) {
        popup.setContent(popupContent(popup.siteIndex));
      } else {
        map.closePopup(popup);
      }
    }

    function showStatus(slug, visible) {
      var layer = layers[slug];
      if (visible) {
        map.addLayer(layer);
      } else {
        map.removeLayer(layer);
        if (map.hasLayer(popup) && !popupSiteShown()) map.closePopup(popup);
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
      if (!visible && map.hasLayer(popup) && !popupSiteShown()) map.closePopup(popup);
      var box = document.querySelector('input[data-kind="unconfirmed"]');
      if (box) box.checked = visible;
    }

    function openSite(id) {
      var i = indexOf[id];
      if (i === undefined || !isShown(i)) return;
      var status = statusOf(i);
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

    // The legend doubles as the layer switch: one checkbox per status. Its counts are
    // those of the chosen day.
    var legend = document.getElementById("mm-legend-items");
    var statusCountText = statuses.map(function (status) {
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
      var text = element("span");
      label.appendChild(text);
      legend.appendChild(label);
      return text;
    });

    // Below the statuses, the kinds of statement on some day of the story: unconfirmed
    // sites have a switch. And the sites with conflicting reports, if any ever are.
    var kindsEver = kinds.map(function () { return false; });
    var conflictsEver = false;
    for (var site = 0; site < siteCount; site++) {
      for (var k = firstStage[site]; k < firstStage[site + 1]; k++) {
        kindsEver[said.confirmation[firstStatement[site] + stages.statement[k]]] = true;
        if (stages.conflicts && stages.conflicts[k]) conflictsEver = true;
      }
    }
    var kindLegend = document.getElementById("mm-legend-kinds");
    var neutral = { shape: "circle", colour: data.kindColour };
    var kindCountText = kinds.map(function (kind, index) {
      if (!kindsEver[index]) return null;
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
      var text = element("span");
      row.appendChild(text);
      kindLegend.appendChild(row);
      return text;
    });
    var conflictCountText = null;
    if (conflictsEver) {
      var row = element("p", "mm-legend-kind");
      var mark = element("span", "mm-conflict-badge mm-symbol", "!");
      mark.setAttribute("aria-hidden", "true");
      row.appendChild(mark);
      conflictCountText = row.appendChild(element("span"));
      kindLegend.appendChild(row);
    }
    if (sites.precisionKm) {
      document.getElementById("mm-legend-approx").hidden = false;
    }

    function updateLegend() {
      statuses.forEach(function (status, index) {
        statusCountText[index].textContent = status.label + " (" + statusCounts[index] + ")";
      });
      kinds.forEach(function (kind, index) {
        if (kindCountText[index]) kindCountText[index].textContent = kind.label + " (" + kindCounts[index] + ")";
      });
      if (conflictCountText) conflictCountText.textContent = data.conflictLabel + " (" + conflictCount + ")";
    }

    // The list of the day's sites: the text alternative to the map. It grows a chunk at a
    // time as the reader reaches its end, so that a map of many sites still opens at once.
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
      var detail = element("span", "mm-site-detail", statusOf(j).label + " \u00b7 ");
      detail.appendChild(element("time", null, dateText(said.date[statement(j)])));
      if (isHollow(j)) detail.appendChild(element("strong", "mm-unconfirmed", " \u00b7 unconfirmed"));
      if (conflicts(j).length) {
        detail.appendChild(element("strong", "mm-conflicting", " \u00b7 conflicting reports"));
      }
      button.appendChild(detail);
      item.appendChild(button);
      return item;
    }

    // The entry of each listed site, kept while the site stays at its stage.
    var entries = new Map();
    var emptyNote = null;

    function listMore() {
      var fragment = document.createDocumentFragment();
      var end = Math.min(shownSites.length, listed + data.listChunk);
      for (; listed < end; listed++) {
        var entry = listEntry(shownSites[listed]);
        entries.set(shownSites[listed], entry);
        fragment.appendChild(entry);
      }
      list.appendChild(fragment);
      showMore();
    }

    function showMore() {
      more.hidden = listed >= shownSites.length;
      more.textContent = "Show more sites (" + (shownSites.length - listed) + " not listed yet)";
    }

    // List the first chunk of the day's sites again, after the sites in `changed` changed
    // stage: the entries of the others stay in the page, so a step of the slider touches
    // only the entries that change.
    function relist(changed) {
      changed.forEach(function (i) {
        var stale = entries.get(i);
        if (stale) stale.remove();
        entries.delete(i);
      });
      var wanted = shownSites.slice(0, data.listChunk);
      var kept = new Map();
      wanted.forEach(function (i) { kept.set(i, entries.get(i) || listEntry(i)); });
      entries.forEach(function (entry, i) {
        if (!kept.has(i)) entry.remove();
      });
      if (emptyNote) emptyNote.remove();
      var next = list.firstChild;
      kept.forEach(function (entry) {
        if (entry === next) {
          next = next.nextSibling;
        } else {
          list.insertBefore(entry, next);
        }
      });
      entries = kept;
      listed = wanted.length;
      showMore();
      emptyNote = null;
      if (!siteCount) {
        emptyNote = element("li", "mm-no-sites", "No report names a mission site yet.");
      } else if (!shownSites.length) {
        emptyNote = element("li", "mm-no-sites", "No site had been reported by this day.");
      }
      if (emptyNote) list.appendChild(emptyNote);
    }

    more.addEventListener("click", listMore);
    new IntersectionObserver(function (entries) {
      if (entries[0].isIntersecting && listed < shownSites.length) listMore();
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

    // The time control: a slider of days from the first dated statement to the last, the
    // previous and next event (a day on which some statement is dated), and play, which
    // steps from event to event up to the last.
    var timeControl = document.getElementById("mm-time");
    var slider = document.getElementById("mm-date");
    var dayWords = document.getElementById("mm-date-words");
    var previousButton = document.getElementById("mm-previous");
    var nextButton = document.getElementById("mm-next");
    var playButton = document.getElementById("mm-play");
    var firstDay = eventDays[0];
    var lastDay = eventDays[eventDays.length - 1];
    var player = null;

    function showDay(day) {
      var changed = regroup(day);
      updateLegend();
      relist(changed);
      refreshPopup();
      if (!eventDays.length) return;
      var inWords = dayInWords(day);
      slider.value = String(day - firstDay);
      slider.setAttribute("aria-valuetext", inWords);
      dayWords.textContent = inWords;
      // aria-disabled rather than disabled: a button keeps the focus when it reaches an end.
      previousButton.setAttribute("aria-disabled", String(day <= firstDay));
      nextButton.setAttribute("aria-disabled", String(day >= lastDay));
    }

    // The reader's choice, kept in the address so that a link opens the map on that day.
    function chooseDay(day) {
      showDay(Math.min(lastDay, Math.max(firstDay, day)));
      history.replaceState(null, "", "#date=" + isoOf(shownDay));
    }

    function addressDay() {
      var match = /^#date=(\d{4}-\d{2}-\d{2})$/.exec(location.hash);
      if (!match || isoOf(dayOf(match[1])) !== match[1]) return null;
      return Math.min(lastDay, Math.max(firstDay, dayOf(match[1])));
    }

    function nextEvent(day) {
      for (var e = 0; e < eventDays.length; e++) if (eventDays[e] > day) return eventDays[e];
      return null;
    }

    function previousEvent(day) {
      for (var e = eventDays.length - 1; e >= 0; e--) if (eventDays[e] < day) return eventDays[e];
      return null;
    }

    function stop() {
      if (player === null) return;
      clearInterval(player);
      player = null;
      playButton.setAttribute("aria-label", "Play");
      timeControl.classList.remove("mm-playing");
    }

    function play() {
      if (shownDay >= lastDay) chooseDay(firstDay);
      playButton.setAttribute("aria-label", "Pause");
      timeControl.classList.add("mm-playing");
      player = setInterval(function () {
        var next = nextEvent(shownDay);
        if (next !== null) chooseDay(next);
        if (next === null || next >= lastDay) stop();
      }, PLAY_STEP_MS);
    }

    playButton.addEventListener("click", function () {
      if (player === null) {
        play();
      } else {
        stop();
      }
    });
    previousButton.addEventListener("click", function () {
      stop();
      var day = previousEvent(shownDay);
      if (day !== null) chooseDay(day);
    });
    nextButton.addEventListener("click", function () {
      stop();
      var day = nextEvent(shownDay);
      if (day !== null) chooseDay(day);
    });
    slider.addEventListener("input", function () {
      stop();
      chooseDay(firstDay + Number(slider.value));
    });
    window.addEventListener("hashchange", function () {
      var day = addressDay();
      if (day !== null) showDay(day);
    });

    if (eventDays.length) {
      slider.max = String(lastDay - firstDay);
      timeControl.hidden = false;
      var opening = addressDay();
      showDay(opening === null ? lastDay : opening);
    } else {
      showDay(Infinity);
    }

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
      showDate: function (iso) {
        stop();
        chooseDay(dayOf(iso));
      },
      date: function () {
        return eventDays.length ? isoOf(shownDay) : null;
      },
    };
    document.body.classList.add("mm-ready");
  }
})();
