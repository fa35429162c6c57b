/* pactgraph explorer: filters for the timeline, the network view (cytoscape.js).
 * Reads only the data embedded in the page; sends no request of its own, so it works offline and
 * from file://. Labels are set with textContent, never parsed as HTML. */
(function () {
  "use strict";
  var ID = "https://w3id.org/pactgraph/id/";

  function inPeriod(date, from, to) {
    if (!date) { return !from && !to; }
    if (from && date < from.slice(0, date.length)) { return false; }
    if (to && date > to.slice(0, date.length)) { return false; }
    return true;
  }

  function checked(form, name) {
    var out = {};
    form.querySelectorAll('input[name="' + name + '"]').forEach(function (box) { out[box.value] = box.checked; });
    return out;
  }

  /* -- timeline ------------------------------------------------------------------------------ */
  function timeline() {
    var form = document.getElementById("timeline-filters");
    if (!form) { return; }
    var status = document.getElementById("timeline-status");
    var items = Array.prototype.slice.call(document.querySelectorAll(".tl-item"));
    function apply() {
      var agent = form.elements.agent.value, from = form.elements.from.value, to = form.elements.to.value;
      var categories = checked(form, "category"), shown = 0;
      items.forEach(function (li) {
        var ok = categories[li.dataset.category] !== false && inPeriod(li.dataset.date, from, to) &&
          (!agent || li.dataset.agents.split(" ").indexOf(agent) >= 0);
        li.hidden = !ok;
        if (ok) { shown += 1; }
      });
      document.querySelectorAll(".tl-year").forEach(function (year) {
        year.hidden = !year.querySelector(".tl-item:not([hidden])");
      });
      status.textContent = shown === items.length ? "Showing all " + items.length + "." :
        "Showing " + shown + " of " + items.length + ".";
    }
    form.addEventListener("change", apply);
    form.addEventListener("input", apply);
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    apply();
  }

  /* -- network ------------------------------------------------------------------------------- */
  function href(root, iri) {
    return iri.indexOf(ID) === 0 ? root + "doc/" + iri.slice(ID.length) + ".html" : null;
  }

  function cell(row, text, link, numeric) {
    var td = document.createElement("td");
    if (numeric) { td.className = "num"; }
    if (link) {
      var a = document.createElement("a");
      a.href = link;
      a.textContent = text;
      td.appendChild(a);
    } else {
      td.textContent = text;
    }
    row.appendChild(td);
  }

  function network() {
    var holder = document.getElementById("network");
    var source = document.getElementById("network-data");
    var form = document.getElementById("network-filters");
    if (!holder || !source || !form) { return; }
    var data = JSON.parse(source.textContent);
    var root = holder.dataset.root || "";
    var status = document.getElementById("network-status");
    var tbody = document.querySelector("#network-table tbody");
    var nodes = {};
    data.nodes.forEach(function (n) { nodes[n.id] = n; });
    var cy = null;

    function filtered() {
      var categories = checked(form, "category"), kinds = checked(form, "kind");
      var from = form.elements.from.value, to = form.elements.to.value;
      var edges = {};
      data.facts.forEach(function (fact) {
        if (categories[fact.category] === false || !inPeriod(fact.date, from, to)) { return; }
        var agents = fact.agents.filter(function (a) { return kinds[nodes[a].kind] !== false; });
        for (var i = 0; i < agents.length; i += 1) {
          for (var j = i + 1; j < agents.length; j += 1) {
            var a = agents[i] < agents[j] ? agents[i] : agents[j], b = agents[i] < agents[j] ? agents[j] : agents[i];
            var key = a + " " + b;
            if (!edges[key]) {
              edges[key] = { source: a, target: b, facts: 0 };
              data.categories.forEach(function (c) { edges[key][c] = 0; });
            }
            edges[key][fact.category] += 1;
            edges[key].facts += 1;
          }
        }
      });
      var list = Object.keys(edges).map(function (k) { return edges[k]; });
      list.sort(function (x, y) {
        return y.facts - x.facts || nodes[x.source].label.localeCompare(nodes[y.source].label) ||
          nodes[x.target].label.localeCompare(nodes[y.target].label);
      });
      return list;
    }

    function table(edges) {
      while (tbody.firstChild) { tbody.removeChild(tbody.firstChild); }
      edges.forEach(function (e) {
        var tr = document.createElement("tr");
        cell(tr, nodes[e.source].label, href(root, e.source));
        cell(tr, nodes[e.target].label, href(root, e.target));
        data.categories.forEach(function (c) { cell(tr, String(e[c]), null, true); });
        cell(tr, String(e.facts), null, true);
        tbody.appendChild(tr);
      });
    }

    function draw() {
      var edges = filtered();
      var used = {};
      edges.forEach(function (e) { used[e.source] = true; used[e.target] = true; });
      var elements = Object.keys(used).sort().map(function (id) {
        return { data: { id: id, label: nodes[id].label, kind: nodes[id].kind } };
      }).concat(edges.map(function (e, i) {
        return { data: { id: "e" + i, source: e.source, target: e.target, weight: e.facts } };
      }));
      table(edges);
      status.textContent = Object.keys(used).length + " entities, " + edges.length + " ties.";
      if (!window.cytoscape) { return; }
      if (cy) { cy.destroy(); }
      cy = window.cytoscape({
        container: holder,
        elements: elements,
        layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: function () { return 9000; }, idealEdgeLength: function () { return 90; } },
        style: [
          { selector: "node", style: { label: "data(label)", "font-size": 10, "text-wrap": "wrap", "text-max-width": 110, "background-color": "#4a6fa5", width: 14, height: 14, color: "#1d1d1d", "text-valign": "bottom", "text-margin-y": 3 } },
          { selector: 'node[kind = "country"]', style: { "background-color": "#b5651d", shape: "round-rectangle" } },
          { selector: 'node[kind = "person"]', style: { "background-color": "#2e7d32", shape: "ellipse" } },
          { selector: 'node[kind = "organisation"]', style: { "background-color": "#4a6fa5", shape: "diamond" } },
          { selector: "edge", style: { width: "mapData(weight, 1, 6, 1, 7)", "line-color": "#9aa5b1", "curve-style": "bezier" } },
          { selector: ".focus", style: { "background-color": "#c2185b", "line-color": "#c2185b", "z-index": 10 } },
          { selector: ".faded", style: { opacity: 0.2 } }
        ]
      });
      cy.on("tap", "node", function (event) {
        var link = href(root, event.target.id());
        if (link) { window.location.href = link; }
      });
      focus();
    }

    function focus() {
      if (!cy) { return; }
      var id = form.elements.focus.value;
      cy.elements().removeClass("focus faded");
      if (!id) { return; }
      var node = cy.getElementById(id);
      if (node.empty()) { return; }
      var hood = node.closedNeighborhood();
      cy.elements().not(hood).addClass("faded");
      hood.addClass("focus");
    }

    form.addEventListener("change", function (event) {
      if (event.target.name === "focus") { focus(); } else { draw(); }
    });
    form.addEventListener("reset", function () { window.setTimeout(draw, 0); });
    draw();
  }

  document.addEventListener("DOMContentLoaded", function () {
    timeline();
    network();
  });
}());
