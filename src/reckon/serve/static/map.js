/* The overview map: country outlines from world-atlas (no tile server), incidents from
   /api/map with the page's filters, clustered. Every label goes in as text, never as HTML. */
(function () {
  "use strict";
  var el = document.getElementById("map");
  var status = document.getElementById("map-status");
  if (!el || typeof L === "undefined") { return; }
  var map = L.map(el, { worldCopyJump: true, minZoom: 1, maxZoom: 12, attributionControl: true });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Natural Earth (world-atlas)");
  map.setView([20, 20], 2);

  function say(text) { if (status) { status.textContent = text; } }

  fetch(el.getAttribute("data-basemap"), { credentials: "same-origin" })
    .then(function (r) { return r.json(); })
    .then(function (topo) {
      var land = topojson.feature(topo, topo.objects.countries);
      L.geoJSON(land, { interactive: false, className: "basemap-country", style: function () {
        return { color: "#9aa5ae", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1 };
      } }).addTo(map).bringToBack();
    })
    .catch(function () { say("Country outlines could not be loaded."); });

  fetch(el.getAttribute("data-points"), { credentials: "same-origin", headers: { "Accept": "application/json" } })
    .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.json(); })
    .then(function (data) {
      var cluster = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40 });
      var icon = L.divIcon({ className: "incident-dot", iconSize: [12, 12] });
      var bounds = [];
      data.points.forEach(function (p) {
        var m = L.marker([p[1], p[2]], { icon: icon, title: p[4] });
        var box = document.createElement("div");
        var a = document.createElement("a");
        a.href = "/incidents/" + encodeURIComponent(p[0]);
        a.textContent = p[4];
        box.appendChild(a);
        var d = document.createElement("div");
        d.textContent = "deaths: " + (p[3] === null ? "not reported" : p[3]);
        box.appendChild(d);
        m.bindPopup(box);
        cluster.addLayer(m);
        bounds.push([p[1], p[2]]);
      });
      map.addLayer(cluster);
      if (bounds.length) { map.fitBounds(bounds, { padding: [30, 30], maxZoom: 8 }); }
      el.setAttribute("data-shown", String(data.points.length));
      say(data.points.length + " incident(s) on the map" +
          (data.without_place ? "; " + data.without_place + " without coordinates" : "") + ".");
    })
    .catch(function (e) { el.setAttribute("data-shown", "error"); say("Incidents could not be loaded (" + e.message + ")."); });
})();
