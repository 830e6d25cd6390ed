
(function () {
  "use strict";
  var t0 = performance.now();
  var D = JSON.parse(document.getElementById("estuary-data").textContent);
  var T = D.text, L = D.labels, TYPES = D.types, NR = D.nodes, ER = D.edges;
  var big = D.big;
  var $ = function (id) { return document.getElementById(id); };
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  // ---- nodes: [id, label, name, name_en, aliases, degree, mark, x, y, info] ----
  // mark: 0 plain, 1 result (highlight), 2 query endpoint (focus), 3 muted
  var ids = new Array(NR.length), index = {}, byLabel = L.map(function () { return []; });
  var items = new Array(NR.length), searchKeys = new Array(NR.length);
  // The name drawn on the canvas: the English one on an English page, when there is one.
  var shown = function (r) { return D.lang === "en" && r[3] ? r[3] : r[2]; };
  var sizeOf = function (deg) { return Math.min(40, 10 + 3 * Math.sqrt(deg)); };
  // Level of detail on big graphs: measuring 10k node and 20k edge labels is most of the
  // drawing time, and none is legible at the first, fitted zoom. So only the answer's nodes
  // and edges start labelled; the rest get their labels once zoomed in, for what is in view.
  var lod = big, labelled = new Uint8Array(NR.length), elabelled = new Uint8Array(ER.length);
  function nodeTip(r) {
    var lab = L[r[1]], lines = [r[2]];
    if (r[3]) { lines.push(r[3]); }
    lines.push(T.label + ": " + (lab.zh && D.lang === "zh" ? lab.zh + " · " : "") + lab.name);
    if (r[4] && r[4].length) { lines.push(T.aliases + ": " + r[4].join(" / ")); }
    lines.push(T.degree + ": " + r[5]);
    if (r[9]) { lines.push(r[9]); }
    if (r[6] === 2) { lines.push("★ " + T.focus); }
    else if (r[6] === 1) { lines.push("● " + T.result); }
    lines.push("id: " + r[0]);
    return lines.join("\n");
  }
  for (var i = 0; i < NR.length; i++) {
    var r = NR[i], lab = L[r[1]], s = sizeOf(r[5]);
    ids[i] = r[0]; index[r[0]] = i; byLabel[r[1]].push(r[0]);
    var o = { id: r[0], group: "g" + r[1] + (r[6] === 3 ? "m" : ""), size: s,
              title: nodeTip(r) };
    if (!lod || r[6] === 1 || r[6] === 2 || lab.shape === "text") {
      o.label = shown(r);
      labelled[i] = 1;
    }
    if (r[7] !== null) { o.x = r[7]; o.y = r[8]; }
    if (r[6] === 2 || r[6] === 1) {
      var focus = r[6] === 2, ring = focus ? "#111111" : "#f59e0b";
      o.size = s * (focus ? 1.7 : 1.35);
      o.borderWidth = focus ? 5 : 4;
      o.borderWidthSelected = o.borderWidth + 1;
      o.color = { background: lab.color, border: ring,
                  highlight: { background: lab.color, border: ring },
                  hover: { background: lab.color, border: ring } };
      o.font = { size: focus ? 20 : 17, color: "#111111", strokeWidth: 4,
                 strokeColor: "#ffffff", face: D.font, bold: { mod: "bold" } };
      o.shadow = { enabled: true, size: focus ? 14 : 8, x: 0, y: 2,
                   color: "rgba(0,0,0,0.35)" };
      o.mass = focus ? 3 : 2;
    }
    items[i] = o;
    var keys = [r[2], r[3] || ""].concat(r[4] || []);
    searchKeys[i] = "\n" + keys.join("\n").normalize("NFKC").toLowerCase() + "\n";
  }

  D.fixed.forEach(function (i) { items[i].fixed = true; });  // mapped cities stay put

  // ---- edges: [from, to, type, mark, evidence, source, confidence, info, curve] ----
  // mark: 0 plain, 1 on an answer path, 3 muted; curve: signed roundness for parallel edges
  var eitems = new Array(ER.length);
  function name(k) { return shown(NR[k]); }
  function edgeTip(e) {
    var t = TYPES[e[2]], lines = [T.type + ": " + t[1] + (t[1] !== t[0] ? " (" + t[0] + ")" : "")];
    lines.push(name(e[0]) + " → " + name(e[1]));
    if (e[4]) { lines.push(T.evidence + ": “" + e[4] + "”"); }
    if (e[5]) { lines.push(T.source + ": " + e[5]); }
    if (e[6]) { lines.push(T.confidence + ": " + e[6]); }
    if (e[7]) { lines.push(e[7]); }
    if (e[3] === 1) { lines.push("━ " + T.path); }
    return lines.join("\n");
  }
  for (var k = 0; k < ER.length; k++) {
    var e = ER[k];
    var eo = { id: k, from: ids[e[0]], to: ids[e[1]], title: edgeTip(e) };
    if (!lod || e[3] === 1) {
      eo.label = TYPES[e[2]][1];
      elabelled[k] = 1;
    }
    if (e[3] === 1) {
      eo.width = 4;
      eo.color = { color: "#d9480f", highlight: "#d9480f", hover: "#d9480f", opacity: 1 };
      eo.font = { color: "#b23c0c", size: 13, strokeWidth: 4, strokeColor: "#ffffff",
                  face: D.font };
    } else if (e[3] === 3) {
      eo.color = { color: "#d5d9de", highlight: "#7b8794", hover: "#9aa5b1", opacity: 1 };
      eo.font = { color: "#8592a0", size: 11, strokeWidth: 3, strokeColor: "#ffffff",
                  face: D.font };
    }
    if (e[8]) {
      eo.smooth = { enabled: true, type: e[8] > 0 ? "curvedCW" : "curvedCCW",
                    roundness: Math.abs(e[8]) };
    }
    eitems[k] = eo;
  }

  var t1 = performance.now();
  var nodes = new vis.DataSet(items), edges = new vis.DataSet(eitems);
  var container = $("graph");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, D.options);
  window.estuary = { network: network, nodes: nodes, edges: edges, firstDraw: null,
                     stable: !D.options.physics.enabled, selected: null,
                     timing: { start: t0, built: t1, network: performance.now() } };
  network.once("afterDrawing", function () {
    window.estuary.firstDraw = performance.now();
    document.documentElement.setAttribute("data-drawn", "1");
  });
  function settled() {  // physics has done its work: freeze, so the picture stays put
    if (window.estuary.stable) { return; }
    network.setOptions({ physics: { enabled: false } });
    window.estuary.stable = true;
    document.documentElement.setAttribute("data-stable", "1");
  }
  network.on("stabilizationIterationsDone", settled);
  network.on("stabilized", settled);
  if (!D.options.physics.enabled) {
    document.documentElement.setAttribute("data-stable", "1");
  }

  var lodTimer = null;
  function labelView() {
    var scale = network.getScale();
    if (scale < 0.42) { return; }  // node font 14 px x scale < drawThreshold 6: not drawn
    var a = network.DOMtoCanvas({ x: 0, y: 0 });
    var b = network.DOMtoCanvas({ x: container.clientWidth, y: container.clientHeight });
    var pos = network.getPositions(), inView = new Uint8Array(NR.length), nu = [], eu = [];
    for (var i = 0; i < NR.length; i++) {
      var p = pos[ids[i]];
      if (p && p.x >= a.x && p.x <= b.x && p.y >= a.y && p.y <= b.y) {
        inView[i] = 1;
        if (!labelled[i]) { labelled[i] = 1; nu.push({ id: ids[i], label: shown(NR[i]) }); }
      }
    }
    if (scale >= 0.5) {
      for (var k = 0; k < ER.length; k++) {
        if (!elabelled[k] && (inView[ER[k][0]] || inView[ER[k][1]])) {
          elabelled[k] = 1;
          eu.push({ id: k, label: TYPES[ER[k][2]][1] });
        }
      }
    }
    if (nu.length) { nodes.update(nu); }
    if (eu.length) { edges.update(eu); }
  }
  function scheduleLabels() {
    if (!lod) { return; }
    clearTimeout(lodTimer);
    lodTimer = setTimeout(labelView, 120);
  }
  window.estuary.labelView = labelView;
  if (lod) {
    network.on("zoom", scheduleLabels);
    network.on("dragEnd", scheduleLabels);
    network.on("animationFinished", scheduleLabels);
  }

  // ---- legend with counts, and the filter by label ----
  var hiddenLabels = {};
  function setLabelHidden(li, hide) {
    hiddenLabels[li] = hide;
    nodes.update(byLabel[li].map(function (id) { return { id: id, hidden: hide }; }));
    var box = $("filter-" + li);
    if (box) { box.checked = !hide; }
  }
  var legend = $("legend-labels");
  L.forEach(function (lab, li) {
    if (!lab.count) { return; }
    var item = el("li"), label = el("label"), box = el("input");
    box.type = "checkbox"; box.checked = true; box.id = "filter-" + li;
    box.setAttribute("data-label", lab.name);
    box.addEventListener("change", function () { setLabelHidden(li, !box.checked); });
    var sw = el("span", "swatch " + lab.shape, lab.shape === "text" ? "T" : "");
    sw.style.background = lab.color;
    label.appendChild(box); label.appendChild(sw);
    var title = D.lang === "zh" && lab.zh ? lab.zh + " " + lab.name : lab.name;
    label.appendChild(el("span", "name", title));
    label.appendChild(el("span", "count", lab.count.toLocaleString()));
    item.appendChild(label);
    legend.appendChild(item);
  });
  var marks = $("legend-marks");
  [["focus", "mark-focus"], ["result", "mark-result"], ["path", "mark-path"]].forEach(function (m) {
    if (!D.marks[m[0]]) { return; }
    var item = el("li");
    item.appendChild(el("span", "swatch " + m[1]));
    item.appendChild(el("span", "name", T[m[0]]));
    item.appendChild(el("span", "count", D.marks[m[0]].toLocaleString()));
    marks.appendChild(item);
  });
  $("stats").textContent = T.nodes + " " + NR.length.toLocaleString() + " · " + T.edges + " " +
    ER.length.toLocaleString() + " · " + T.layouts[D.layout] + (lod ? " · " + T.zoomHint : "");
  $("fit").addEventListener("click", function () { network.fit({ animation: !big }); });

  // ---- details panel (click a node or edge) ----
  var details = $("details"), detailsText = $("details-text");
  function showNode(i) {
    detailsText.textContent = "";
    detailsText.appendChild(el("div", "node", nodeTip(NR[i])));
    var conn = network.getConnectedEdges(ids[i]).slice(0, 40);
    conn.forEach(function (k) { detailsText.appendChild(el("div", "rel", edgeTip(ER[k]))); });
    details.hidden = false;
  }
  function showEdge(k) {
    detailsText.textContent = "";
    detailsText.appendChild(el("div", "rel", edgeTip(ER[k])));
    details.hidden = false;
  }
  network.on("click", function (p) {
    if (p.nodes.length) { showNode(index[p.nodes[0]]); }
    else if (p.edges.length) { showEdge(p.edges[0]); }
  });

  // ---- search: name, English name and aliases, case-insensitive, any script ----
  var input = $("search"), list = $("search-results"), hits = [], active = -1;
  function select(i) {
    var id = ids[i];
    if (hiddenLabels[NR[i][1]]) { setLabelHidden(NR[i][1], false); }
    network.selectNodes([id]);
    network.focus(id, {
      scale: Math.max(network.getScale(), 1.1),
      animation: big ? false : { duration: 450, easingFunction: "easeInOutQuad" }
    });
    window.estuary.selected = id;
    scheduleLabels();
    input.value = NR[i][2];
    list.textContent = "";
    hits = []; active = -1;
    showNode(i);
  }
  function find(q) {
    var found = [];
    for (var i = 0; i < searchKeys.length; i++) {
      var p = searchKeys[i].indexOf(q);
      if (p < 0) { continue; }
      var score = searchKeys[i].indexOf("\n" + q + "\n") >= 0 ? 0 :
                  searchKeys[i].indexOf("\n" + q) >= 0 ? 1 : 2;
      found.push([score, -NR[i][5], NR[i][2].length, i]);
    }
    found.sort(function (a, b) {
      return a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3];
    });
    return found.slice(0, 30).map(function (f) { return f[3]; });
  }
  function paint() {
    list.textContent = "";
    if (!hits.length) {
      if (input.value.trim()) { list.appendChild(el("li", "none", T.noMatch)); }
      return;
    }
    hits.forEach(function (i, n) {
      var r = NR[i], lab = L[r[1]], li = el("li", n === active ? "active" : "");
      li.setAttribute("role", "option");
      li.setAttribute("data-id", r[0]);
      var sw = el("span", "swatch " + lab.shape, lab.shape === "text" ? "T" : "");
      sw.style.background = lab.color;
      li.appendChild(sw);
      li.appendChild(el("span", "name", r[2]));
      var sub = [r[3]].concat(r[4] || []).filter(Boolean).join(" / ");
      if (sub) { li.appendChild(el("span", "sub", sub)); }
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); select(i); });
      list.appendChild(li);
    });
  }
  input.addEventListener("input", function () {
    var q = input.value.trim().normalize("NFKC").toLowerCase();
    hits = q ? find(q) : [];
    active = hits.length ? 0 : -1;
    paint();
  });
  input.addEventListener("keydown", function (ev) {
    var n = hits.length;
    if ((ev.key === "ArrowDown" || ev.key === "ArrowUp") && n) {
      active = (active + (ev.key === "ArrowDown" ? 1 : n - 1)) % n;
      paint();
      ev.preventDefault();
    } else if (ev.key === "Enter" && !ev.isComposing) {
      if (n) { select(hits[Math.max(active, 0)]); }
      ev.preventDefault();
    } else if (ev.key === "Escape") {
      input.value = ""; hits = []; paint();
    }
  });
})();
