(function () {
  "use strict";
  var t0 = performance.now();
  var D = JSON.parse(document.getElementById("estuary-data").textContent);
  var T = D.text, L = D.labels, TYPES = D.types, NR = D.nodes, ER = D.edges;
  var SRC = D.sources, ANS = D.answers;
  var big = D.big;
  var mode = (location.hash || "").slice(1).split(",");  // "picture", "svg": CLI renders
  var picture = mode.indexOf("picture") >= 0 || mode.indexOf("svg") >= 0;
  if (picture) { document.body.classList.add("picture"); }
  var $ = function (id) { return document.getElementById(id); };
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  // ---- labels: short enough to read, the full name stays in the tooltip ----
  var WIDE = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/;
  function wrapLabel(s) {
    s = String(s);
    if (WIDE.test(s)) {  // Chinese: 8 characters a line, two lines
      if (s.length <= 9) { return s; }
      var a = s.slice(0, 8), b = s.slice(8);
      return a + "\n" + (b.length > 8 ? b.slice(0, 7) + "…" : b);
    }
    if (s.length <= 18) { return s; }
    var words = s.split(/\s+/), lines = [""];
    for (var i = 0; i < words.length; i++) {
      var w = words[i], cur = lines[lines.length - 1];
      if (!cur) { lines[lines.length - 1] = w; }
      else if ((cur + " " + w).length <= 18) { lines[lines.length - 1] = cur + " " + w; }
      else { lines.push(w); }
    }
    if (lines.length > 2) { lines = [lines[0], lines[1] + "…"]; }
    return lines.map(function (l) { return l.length > 20 ? l.slice(0, 19) + "…" : l; })
      .join("\n");
  }
  // The name drawn on the canvas: the English one on an English page, when there is one.
  var fullName = function (r) { return D.lang === "en" && r[3] ? r[3] : r[2]; };
  var shown = function (r) { return wrapLabel(fullName(r)); };
  var sizeOf = function (deg) { return Math.min(40, 10 + 3 * Math.sqrt(deg)); };
  var open = {};  // hubs whose collapsed leaves are shown
  function labelOf(i) {  // a hub with collapsed leaves says how many, and whether open
    var r = NR[i];
    return hubLeaves[i] ? shown(r) + (open[i] ? " ⊖" : " ⊕") + hubLeaves[i].length : shown(r);
  }

  // ---- the ranked answer: strength of every answer node and of every edge on its paths ----
  var maxStrength = 0, nodeQ = {}, edgeQ = new Float32Array(ER.length), edgeTop = new Uint8Array(ER.length);
  var TOP = 3;  // the top answers are drawn strongest
  ANS.forEach(function (a) { if (a[4] > maxStrength) { maxStrength = a[4]; } });
  ANS.forEach(function (a, j) {
    var q = maxStrength > 0 ? a[4] / maxStrength : 1;
    if (!(a[1] in nodeQ) || nodeQ[a[1]] < q) { nodeQ[a[1]] = q; }
    a[7].forEach(function (k) {
      if (q > edgeQ[k]) { edgeQ[k] = q; }
      if (j < TOP) { edgeTop[k] = 1; }
    });
  });

  // ---- which nodes carry a label at load: the most important ones ----
  var ids = new Array(NR.length), index = {}, byLabel = L.map(function () { return []; });
  var items = new Array(NR.length), searchKeys = new Array(NR.length);
  var TOP_LABELS = NR.length <= 40 ? NR.length : Math.max(24, Math.min(40, ANS.length + 8));
  var important = new Uint8Array(NR.length), importance = new Int32Array(NR.length).fill(1 << 30);
  D.order.forEach(function (i, n) {
    importance[i] = n;
    if (n < TOP_LABELS) { important[i] = 1; }
  });
  var labelled = new Uint8Array(NR.length), elabelled = new Uint8Array(ER.length);

  // ---- collapsed leaves (big graphs): hidden behind their hub until it is double-clicked ----
  var collapsedBy = {}, hubLeaves = {};
  D.collapse.forEach(function (c) {
    hubLeaves[c[0]] = c[1];
    c[1].forEach(function (i) { collapsedBy[i] = c[0]; });
  });

  function srcLine(si) {
    var s = SRC[si], parts = [s[1] || s[0]];
    if (s[2]) { parts.push(s[2]); }
    if (s[3]) { parts.push(s[3]); }
    if (s[4]) { parts.push(s[4]); }
    return T.source + ": " + parts.join(" · ");
  }
  function nodeSources(i) {  // its own citation, else those of the edges that touch it
    if (NR[i][10].length) { return NR[i][10]; }
    var seen = {}, out = [];
    var conn = nodeEdges[i] || [];
    for (var j = 0; j < conn.length && out.length < 4; j++) {
      var si = ER[conn[j]][5];
      if (si >= 0 && !seen[si]) { seen[si] = 1; out.push(si); }
    }
    return out;
  }
  function nodeText(i) {
    var r = NR[i], lab = L[r[1]], lines = [r[2]];
    if (r[3]) { lines.push(r[3]); }
    lines.push(T.label + ": " + (lab.zh && D.lang === "zh" ? lab.zh + " · " : "") + lab.name);
    if (r[4] && r[4].length) { lines.push(T.aliases + ": " + r[4].join(" / ")); }
    lines.push(T.degree + ": " + r[5]);
    if (r[9]) { lines.push(r[9]); }
    if (r[6] === 2) { lines.push("★ " + T.focus); }
    else if (r[6] === 1) { lines.push("● " + T.result); }
    if (hubLeaves[i]) { lines.push("⊕ " + hubLeaves[i].length + " " + T.collapsed); }
    lines.push("id: " + r[0]);
    return lines.join("\n");
  }
  function edgeText(k) {
    var e = ER[k], t = TYPES[e[2]];
    var lines = [T.type + ": " + t[1] + (t[1] !== t[0] ? " (" + t[0] + ")" : "")];
    lines.push(fullName(NR[e[0]]) + " → " + fullName(NR[e[1]]));
    if (e[4]) { lines.push(T.evidence + ": “" + e[4] + "”"); }
    if (e[6]) { lines.push(T.confidence + ": " + e[6]); }
    if (e[7]) { lines.push(e[7]); }
    if (e[3] === 1) { lines.push("━ " + T.path); }
    return lines.join("\n");
  }
  // Plain-text tooltips at load (cheap for 50k items); the first hover swaps in an element
  // whose source titles are links. Everything from the data goes in through textContent.
  function plainTip(text, srcs) {
    return [text].concat(srcs.map(srcLine)).join("\n");
  }
  function cite(si) {
    var s = SRC[si], box = el("div", "cite"), name = s[1] || s[0];
    box.appendChild(document.createTextNode(T.source + ": "));
    if (s[4]) {
      var a = el("a", null, name);
      a.href = s[4];
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      a.setAttribute("data-source", s[0]);
      box.appendChild(a);
    } else {
      box.appendChild(el("span", "title", name));
    }
    var meta = [s[2], s[3]].filter(Boolean).join(" · ");
    if (meta) { box.appendChild(el("span", "meta", " · " + meta)); }
    if (s[4]) { box.appendChild(el("div", "meta url", s[4])); }
    return box;
  }
  function richTip(text, srcs) {
    var box = el("div", "tip");
    box.appendChild(el("div", "tip-text", text));
    srcs.forEach(function (si) { box.appendChild(cite(si)); });
    return box;
  }

  var nodeEdges = new Array(NR.length);
  for (var k0 = 0; k0 < ER.length; k0++) {
    (nodeEdges[ER[k0][0]] = nodeEdges[ER[k0][0]] || []).push(k0);
    (nodeEdges[ER[k0][1]] = nodeEdges[ER[k0][1]] || []).push(k0);
  }

  var tree = D.layout === "hierarchy" && NR.length <= 400;
  function dark(hex) {
    var n = parseInt(hex.slice(1), 16);
    return 0.299 * (n >> 16) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255) < 150;
  }
  // ---- nodes: [id, label, name, name_en, aliases, degree, mark, x, y, info, sources] ----
  // mark: 0 plain, 1 result (highlight), 2 query endpoint (focus), 3 muted
  for (var i = 0; i < NR.length; i++) {
    var r = NR[i], lab = L[r[1]], s = sizeOf(r[5]);
    ids[i] = r[0]; index[r[0]] = i; byLabel[r[1]].push(r[0]);
    var o = { id: r[0], group: "g" + r[1] + (r[6] === 3 ? "m" : ""), size: s,
              title: plainTip(nodeText(i), nodeSources(i)) };
    if (important[i] || lab.shape === "text" || (r[6] !== 3 && !big && NR.length <= 40)) {
      o.label = shown(r);
      labelled[i] = 1;
    }
    if (o.label !== undefined && hubLeaves[i]) { o.label = labelOf(i); }
    if (collapsedBy[i] !== undefined) { o.hidden = true; }
    if (r[7] !== null) { o.x = r[7]; o.y = r[8]; }
    if (tree) {  // a chain or taxonomy reads as a diagram: every name, in its box
      o.shape = "box";
      o.label = labelOf(i);
      labelled[i] = 1;
      o.font = { color: dark(lab.color) ? "#ffffff" : "#1f2933", size: 14, face: D.font,
                 strokeWidth: 0 };
      o.margin = 6;
    }
    if (r[6] === 2 || r[6] === 1) {
      var focus = r[6] === 2, ring = focus ? "#111111" : "#f59e0b";
      var q = focus ? 1 : (i in nodeQ ? nodeQ[i] : 0.5);
      o.size = s * (focus ? 1.7 : 1.0 + 0.8 * q);
      o.borderWidth = focus ? 5 : 2 + 3 * q;
      o.borderWidthSelected = o.borderWidth + 1;
      o.color = { background: lab.color, border: ring,
                  highlight: { background: lab.color, border: ring },
                  hover: { background: lab.color, border: ring } };
      o.font = { size: focus ? 20 : Math.round(13 + 7 * q), color: "#111111", strokeWidth: 4,
                 strokeColor: "#ffffff", face: D.font };
      if (focus || q >= 0.6) { o.font.bold = { mod: "bold" }; }
      o.shadow = { enabled: focus || q >= 0.6, size: focus ? 14 : 8, x: 0, y: 2,
                   color: "rgba(0,0,0,0.35)" };
      o.mass = focus ? 3 : 2;
    }
    items[i] = o;
    var keys = [r[2], r[3] || ""].concat(r[4] || []);
    searchKeys[i] = "\n" + keys.join("\n").normalize("NFKC").toLowerCase() + "\n";
  }

  D.fixed.forEach(function (i) { items[i].fixed = true; });  // mapped entities stay put

  // ---- edges: [from, to, type, mark, evidence, source, confidence, info, curve] ----
  // mark: 0 plain, 1 on an answer path, 3 muted; curve: signed roundness for parallel edges
  var eitems = new Array(ER.length), ANSWER_EDGE = "#d9480f", TAIL_EDGE = "#e8b89a";
  var offMap = new Uint8Array(NR.length);  // geo: laid out beside the map
  D.beside.forEach(function (i) { offMap[i] = 1; });
  function edgeStyle(k) {  // the resting look of edge k (no answer row selected)
    var e = ER[k], st = {};
    if (e[3] !== 1 && (offMap[e[0]] || offMap[e[1]])) {  // to the side of a map: a hint only
      st.width = 0.6;
      st.color = { color: "#c3cad2", highlight: "#3b4a5a", hover: "#52606d", opacity: 0.25 };
      st.font = { color: "#8592a0", size: 11, strokeWidth: 3, strokeColor: "#ffffff",
                  face: D.font };
      return st;
    }
    if (e[3] === 1) {
      var q = ANS.length ? edgeQ[k] : 1, top = !ANS.length || edgeTop[k];
      var c = top ? ANSWER_EDGE : TAIL_EDGE;
      st.width = top ? 2 + 4 * q : 0.8 + 1.5 * q;
      st.color = { color: c, highlight: c, hover: c, opacity: 1 };
      st.font = { color: top ? "#b23c0c" : "#c2703a", size: top ? 13 : 11, strokeWidth: 4,
                  strokeColor: "#ffffff", face: D.font };
    } else if (e[3] === 3) {
      st.width = big ? 0.8 : 1.2;
      st.color = { color: "#d5d9de", highlight: "#7b8794", hover: "#9aa5b1", opacity: 1 };
      st.font = { color: "#8592a0", size: 11, strokeWidth: 3, strokeColor: "#ffffff",
                  face: D.font };
    } else {
      st.width = big ? 0.8 : 1.2;
      st.color = { color: big ? "#b5bec8" : "#9aa5b1", highlight: "#3b4a5a", hover: "#52606d",
                   opacity: 1 };
      st.font = { color: "#616e7c", size: 11, strokeWidth: 3, strokeColor: "#ffffff",
                  face: D.font };
    }
    return st;
  }
  // Edge names at load only where they can be read; the rest on zoom or on a selection.
  var topEdges = 0;
  for (var k1 = 0; k1 < ER.length; k1++) { topEdges += ER[k1][3] === 1 && edgeTop[k1] ? 1 : 0; }
  var labelEdges = ER.length <= 30, labelTop = topEdges <= 24;
  for (var k = 0; k < ER.length; k++) {
    var e = ER[k], st = edgeStyle(k);
    var eo = { id: k, from: ids[e[0]], to: ids[e[1]],
               title: plainTip(edgeText(k), e[5] >= 0 ? [e[5]] : []),
               width: st.width, color: st.color, font: st.font,
               lit: e[3] === 1 && (!ANS.length || !!edgeTop[k]) };  // lit at rest: top paths
    if (labelEdges || (labelTop && e[3] === 1 && (!ANS.length || edgeTop[k]))) {
      eo.label = TYPES[e[2]][1];
      elabelled[k] = 1;
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
  var E = window.estuary = {
    network: network, nodes: nodes, edges: edges, firstDraw: null,
    stable: !D.options.physics.enabled, selected: null, answer: null,
    timing: { start: t0, built: t1, network: performance.now() }
  };
  network.once("afterDrawing", function () {
    E.firstDraw = performance.now();
    document.documentElement.setAttribute("data-drawn", "1");
  });

  // ---- labels that stay readable: important names keep a screen size at any zoom ----
  var LABEL_SCALE = big ? 0.42 : 0.75;  // below this zoom only the important names show
  function fitFonts() {
    if (tree) { return; }  // a diagram's boxes would grow into each other
    var scale = network.getScale(), nu = [];
    for (var i = 0; i < NR.length; i++) {
      if (!important[i] || !labelled[i]) { continue; }
      var base = items[i].font ? items[i].font.size : 14;
      var want = Math.round(Math.max(base, Math.min(base * 4, (base - 1) / scale)));
      if (!items[i]._fs || items[i]._fs !== want) {
        items[i]._fs = want;
        var f = items[i].font ? Object.assign({}, items[i].font) : {};
        f.size = want;
        nu.push({ id: ids[i], font: f });
      }
    }
    if (nu.length) { nodes.update(nu); }
    declutter();
  }
  // Names that would overlap a more important one wait for a closer zoom: greedy, in
  // importance order, on estimated label boxes (canvas units, names under their node).
  var suppressed = new Uint8Array(NR.length);
  function declutter() {
    if (tree) { return; }
    var cand = [];
    for (var i = 0; i < NR.length; i++) {
      if ((labelled[i] || suppressed[i]) && L[NR[i][1]].shape !== "text") { cand.push(i); }
    }
    if (cand.length > 1500) { return; }
    cand.sort(function (a, b) {
      return importance[a] - importance[b] || NR[b][5] - NR[a][5] || a - b;
    });
    var pos = network.getPositions(cand.map(function (i) { return ids[i]; }));
    var boxes = [], nu = [];
    cand.forEach(function (i) {
      var p = pos[ids[i]], o = items[i];
      if (!p) { return; }
      var fs = o._fs || (o.font && o.font.size) || 14, lines = labelOf(i).split("\n");
      var w = 0;
      lines.forEach(function (l) { w = Math.max(w, l.length * (WIDE.test(l) ? fs : fs * 0.56)); });
      var h = lines.length * fs * 1.15, inside = L[NR[i][1]].shape === "box" ||
          L[NR[i][1]].shape === "ellipse";
      var top = inside ? p.y - h / 2 : p.y + (o.size || 10) + 2;
      var box = [p.x - w / 2, top, p.x + w / 2, top + h];
      var hit = NR[i][6] !== 2 && boxes.some(function (b) {
        return box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3];
      });
      if (hit) {
        if (labelled[i]) { labelled[i] = 0; suppressed[i] = 1; nu.push({ id: ids[i], label: undefined }); }
      } else {
        boxes.push(box);
        if (suppressed[i]) { suppressed[i] = 0; labelled[i] = 1; nu.push({ id: ids[i], label: labelOf(i) }); }
      }
    });
    if (nu.length) { nodes.update(nu); }
  }
  function settled() {  // physics has done its work: freeze, so the picture stays put
    if (!E.stable) {
      network.setOptions({ physics: { enabled: false } });
      E.stable = true;
    }
    network.fit({ animation: false });
    // A margin for the names under the outermost nodes, which fit() does not count.
    network.moveTo({ scale: network.getScale() * 0.9, animation: false });
    fitFonts();
    E.ready = true;
    document.documentElement.setAttribute("data-stable", "1");
    if (mode.indexOf("svg") >= 0) { exportSVG(); }
  }
  network.on("stabilizationIterationsDone", settled);
  if (!D.options.physics.enabled) { setTimeout(settled, 0); }

  var lodTimer = null;
  function labelView() {
    var scale = network.getScale();
    var nu = [], eu = [];
    if (scale < LABEL_SCALE) {  // zoomed out: back to the important names only
      if (!big) {
        for (var j = 0; j < NR.length; j++) {
          if ((labelled[j] || suppressed[j]) && !important[j] && L[NR[j][1]].shape !== "text" &&
              !(NR.length <= 40)) {
            labelled[j] = 0;
            suppressed[j] = 0;
            nu.push({ id: ids[j], label: undefined });
          }
        }
      }
      if (nu.length) { nodes.update(nu); }
      fitFonts();
      return;
    }
    var a = network.DOMtoCanvas({ x: 0, y: 0 });
    var b = network.DOMtoCanvas({ x: container.clientWidth, y: container.clientHeight });
    var pos = network.getPositions(), inView = new Uint8Array(NR.length);
    for (var i = 0; i < NR.length; i++) {
      var p = pos[ids[i]];
      if (p && p.x >= a.x && p.x <= b.x && p.y >= a.y && p.y <= b.y) {
        inView[i] = 1;
        if (!labelled[i]) { labelled[i] = 1; nu.push({ id: ids[i], label: labelOf(i) }); }
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
    fitFonts();
  }
  function scheduleLabels() {
    clearTimeout(lodTimer);
    lodTimer = setTimeout(labelView, 120);
  }
  E.labelView = labelView;
  network.on("zoom", scheduleLabels);
  network.on("dragEnd", scheduleLabels);
  network.on("animationFinished", scheduleLabels);

  // ---- tooltips: the first hover turns the plain text into text plus source links ----
  var richNode = new Uint8Array(NR.length), richEdge = new Uint8Array(ER.length);
  network.on("hoverNode", function (p) {
    var i = index[p.node];
    if (i === undefined || richNode[i]) { return; }
    richNode[i] = 1;
    nodes.update({ id: p.node, title: richTip(nodeText(i), nodeSources(i)) });
  });
  network.on("hoverEdge", function (p) {
    var k = p.edge;
    if (typeof k !== "number" || richEdge[k]) { return; }
    richEdge[k] = 1;
    edges.update({ id: k, title: richTip(edgeText(k), ER[k][5] >= 0 ? [ER[k][5]] : []) });
  });

  // ---- collapsed leaves: double-click a hub to show or hide them ----
  network.on("doubleClick", function (p) {
    if (!p.nodes.length) { return; }
    var i = index[p.nodes[0]];
    if (!hubLeaves[i]) { return; }
    open[i] = !open[i];
    nodes.update(hubLeaves[i].map(function (j) {
      return { id: ids[j], hidden: !open[i] || !!hiddenLabels[NR[j][1]] };
    }));
    labelled[i] = 1;
    nodes.update({ id: ids[i], label: labelOf(i) });
  });

  // ---- legend with counts, and the filter by label ----
  var hiddenLabels = {};
  function setLabelHidden(li, hide) {
    hiddenLabels[li] = hide;
    nodes.update(byLabel[li].map(function (id) {
      var j = index[id], folded = collapsedBy[j] !== undefined && !open[collapsedBy[j]];
      return { id: id, hidden: hide || folded };
    }));
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
  var nCollapsed = Object.keys(collapsedBy).length;
  $("stats").textContent = T.nodes + " " + NR.length.toLocaleString() + " · " + T.edges + " " +
    ER.length.toLocaleString() + " · " + T.layouts[D.layout] +
    (NR.length > TOP_LABELS && !tree ? " · " + T.zoomHint : "") +
    (nCollapsed ? " · " + nCollapsed.toLocaleString() + " " + T.collapsed : "");
  $("fit").addEventListener("click", function () { network.fit({ animation: !big }); });

  // ---- details panel (click a node, an edge or an answer) ----
  var details = $("details"), detailsText = $("details-text");
  function showNode(i) {
    detailsText.textContent = "";
    detailsText.appendChild(richTip(nodeText(i), NR[i][10]));
    var conn = (nodeEdges[i] || []).slice(0, 40);
    conn.forEach(function (k) {
      var box = richTip(edgeText(k), ER[k][5] >= 0 ? [ER[k][5]] : []);
      box.className = "rel";
      detailsText.appendChild(box);
    });
    details.hidden = false;
  }
  function showEdge(k) {
    detailsText.textContent = "";
    var box = richTip(edgeText(k), ER[k][5] >= 0 ? [ER[k][5]] : []);
    box.className = "rel";
    detailsText.appendChild(box);
    details.hidden = false;
  }
  network.on("click", function (p) {
    if (p.nodes.length) { showNode(index[p.nodes[0]]); }
    else if (p.edges.length) { showEdge(p.edges[0]); }
  });

  // ---- the ranked answer: a table; a row lights its paths and dims the rest ----
  var rowsEl = $("answer-rows"), rowEls = [];
  function answerEdges(j) {
    var a = ANS[j];
    return a[7].length ? a[7] : (nodeEdges[a[1]] || []).slice();
  }
  function litEdges() {
    return edges.get({ filter: function (x) { return !!x.lit; } }).map(function (x) {
      return x.id;
    }).sort(function (a, b) { return a - b; });
  }
  E.lit = litEdges;
  function restNodes() {
    return items.map(function (o, i) {
      var folded = collapsedBy[i] !== undefined && !open[collapsedBy[i]];
      return { id: o.id, opacity: 1, hidden: folded || !!hiddenLabels[NR[i][1]] };
    });
  }
  function selectAnswer(j) {
    if (E.answer === j || j === null) {  // again: back to the whole answer
      E.answer = null;
      rowEls.forEach(function (tr) { tr.classList.remove("on"); });
      edges.update(eitems.map(function (eo) {
        var st = edgeStyle(eo.id);
        return { id: eo.id, width: st.width, color: st.color, font: st.font,
                 label: elabelled[eo.id] ? TYPES[ER[eo.id][2]][1] : undefined,
                 lit: ER[eo.id][3] === 1 && (!ANS.length || !!edgeTop[eo.id]) };
      }));
      nodes.update(restNodes());
      $("answers-all").hidden = true;
      return;
    }
    E.answer = j;
    rowEls.forEach(function (tr, n) { tr.classList.toggle("on", n === j); });
    var on = {}, onNode = {}, a = ANS[j];
    answerEdges(j).forEach(function (k) {
      on[k] = 1; onNode[ER[k][0]] = 1; onNode[ER[k][1]] = 1;
    });
    onNode[a[1]] = 1;
    NR.forEach(function (r, i) { if (r[6] === 2) { onNode[i] = 1; } });
    edges.update(eitems.map(function (eo) {
      var k = eo.id;
      if (on[k]) {
        return { id: k, lit: true, width: 5, label: TYPES[ER[k][2]][1],
                 color: { color: ANSWER_EDGE, highlight: ANSWER_EDGE, hover: ANSWER_EDGE,
                          opacity: 1 },
                 font: { color: "#b23c0c", size: 13, strokeWidth: 4, strokeColor: "#ffffff",
                         face: D.font } };
      }
      return { id: k, lit: false, width: 0.8, label: undefined,
               color: { color: "#e3e6ea", highlight: "#9aa5b1", hover: "#9aa5b1",
                        opacity: 0.6 } };
    }));
    var nu = [];
    for (var i = 0; i < NR.length; i++) {
      var show = !!onNode[i];
      var upd = { id: ids[i], opacity: show ? 1 : 0.18 };
      if (show) {
        upd.hidden = false;
        if (!labelled[i]) { labelled[i] = 1; upd.label = labelOf(i); }
      }
      nu.push(upd);
    }
    nodes.update(nu);
    $("answers-all").hidden = false;
    detailsText.textContent = "";
    var head = el("div", "node", "#" + a[0] + " " + a[2] + (a[3] ? " · " + a[3] : "") +
                  "\n" + T.strength + ": " + (a[5] || a[4]));
    detailsText.appendChild(head);
    a[6].forEach(function (si) { detailsText.appendChild(cite(si)); });
    details.hidden = false;
  }
  E.selectAnswer = selectAnswer;
  if (ANS.length) {
    var head = $("answer-head");
    [T.rank, T.name, T.kind, T.strength, T.sources].forEach(function (h) {
      head.appendChild(el("th", null, h));
    });
    var shownRows = picture ? Math.min(ANS.length, 14) : ANS.length;
    for (var j = 0; j < shownRows; j++) {
      (function (j) {
        var a = ANS[j], tr = el("tr", j < TOP ? "top" : "");
        tr.setAttribute("data-rank", a[0]);
        tr.setAttribute("data-id", ids[a[1]]);
        tr.appendChild(el("td", "rank", a[0]));
        var nm = el("td", "name", fullName(NR[a[1]]));
        nm.title = a[2];
        tr.appendChild(nm);
        tr.appendChild(el("td", "kind", a[3]));
        var td = el("td", "strength"), bar = el("span", "bar");
        bar.style.width = Math.round(100 * (maxStrength > 0 ? a[4] / maxStrength : 1)) + "%";
        if (j >= TOP) { bar.style.background = TAIL_EDGE; }
        td.appendChild(bar);
        td.appendChild(el("span", "bar-text", a[5] || a[4]));
        td.title = a[5] || String(a[4]);
        tr.appendChild(td);
        tr.appendChild(el("td", "src", a[6].length));
        tr.addEventListener("click", function () { selectAnswer(j); });
        rowsEl.appendChild(tr);
        rowEls.push(tr);
      })(j);
    }
    if (shownRows < ANS.length) {  // a picture lists the head of a long answer
      var more = el("tr", "more"), td2 = el("td", null, "… +" + (ANS.length - shownRows));
      td2.colSpan = 5;
      more.appendChild(td2);
      rowsEl.appendChild(more);
    }
    $("answers").hidden = false;
    $("answers-all").addEventListener("click", function () { selectAnswer(null); });
  }

  // ---- search: name, English name and aliases, case-insensitive, any script ----
  var input = $("search"), list = $("search-results"), hits = [], active = -1;
  function select(i) {
    var id = ids[i];
    if (hiddenLabels[NR[i][1]]) { setLabelHidden(NR[i][1], false); }
    if (collapsedBy[i] !== undefined) { nodes.update({ id: id, hidden: false }); }
    network.selectNodes([id]);
    network.focus(id, {
      scale: Math.max(network.getScale(), 1.1),
      animation: big ? false : { duration: 450, easingFunction: "easeInOutQuad" }
    });
    E.selected = id;
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

  // ---- pictures: the drawn view as PNG (canvas) or SVG (rebuilt from the positions) ----
  function fileName(ext) {
    var base = document.title.replace(/[\\/:*?"<>|\s]+/g, "_").slice(0, 60) || "estuary";
    return base + "." + ext;
  }
  function download(blob, name) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  // Every line of the caption: a cut note or an as-of date is on a line of its own, and a
  // picture without it would claim more than the page does.
  function captionLines() {
    var cap = document.querySelector("header .caption");
    return (cap ? cap.textContent : "").split("\n").map(function (l) { return l.trim(); })
      .filter(function (l) { return l; });
  }
  function toPNG(done) {
    var src = container.querySelector("canvas"), ratio = window.devicePixelRatio || 1;
    var lines = captionLines();
    var head = Math.round((42 + 16 * lines.length) * ratio), c = document.createElement("canvas");
    c.width = src.width; c.height = src.height + head;
    var g = c.getContext("2d");
    g.fillStyle = "#ffffff"; g.fillRect(0, 0, c.width, c.height);
    g.fillStyle = "#1f2933";
    g.font = "600 " + Math.round(20 * ratio) + "px " + D.font;
    g.fillText(document.title, 14 * ratio, 26 * ratio);
    g.fillStyle = "#52606d";
    g.font = Math.round(12 * ratio) + "px " + D.font;
    lines.forEach(function (line, i) {
      g.fillText(line, 14 * ratio, (47 + 16 * i) * ratio);
    });
    g.drawImage(src, 0, head);
    c.toBlob(done, "image/png");
  }
  $("save-png").addEventListener("click", function () {
    toPNG(function (blob) { download(blob, fileName("png")); });
  });
  E.toPNG = toPNG;

  var SHAPES = {
    diamond: [[0, -1], [1, 0], [0, 1], [-1, 0]],
    triangle: [[0, -1], [0.87, 0.5], [-0.87, 0.5]],
    square: [[-1, -1], [1, -1], [1, 1], [-1, 1]],
    hexagon: [[-0.5, -0.87], [0.5, -0.87], [1, 0], [0.5, 0.87], [-0.5, 0.87], [-1, 0]],
    star: [[0, -1], [0.22, -0.31], [0.95, -0.31], [0.36, 0.12], [0.59, 0.81], [0, 0.38],
           [-0.59, 0.81], [-0.36, 0.12], [-0.95, -0.31], [-0.22, -0.31]]
  };
  function esc(s) {
    return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;");
  }
  function num(x) { return Math.round(x * 10) / 10; }
  function toSVG() {
    var pos = network.getPositions(), opts = D.options, groups = opts.groups;
    var vis_ = {}, minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    nodes.forEach(function (n) {
      if (n.hidden) { return; }
      var p = pos[n.id];
      if (!p) { return; }
      vis_[n.id] = n;
      var s = (n.size || 10) + 60;
      minX = Math.min(minX, p.x - s - 40); maxX = Math.max(maxX, p.x + s + 40);
      minY = Math.min(minY, p.y - s); maxY = Math.max(maxY, p.y + s + 30);
    });
    if (minX === Infinity) { minX = minY = 0; maxX = maxY = 100; }
    var lines = captionLines();
    var head = 54 + 18 * lines.length, w = maxX - minX, h = maxY - minY + head;
    var out = ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="' + num(minX) + " " +
               num(minY - head) + " " + num(w) + " " + num(h) + '" width="' + Math.round(w) +
               '" height="' + Math.round(h) + '" font-family="' + esc(D.font) + '">'];
    out.push('<rect x="' + num(minX) + '" y="' + num(minY - head) + '" width="' + num(w) +
             '" height="' + num(h) + '" fill="#ffffff"/>');
    out.push('<text x="' + num(minX + 16) + '" y="' + num(minY - head + 30) +
             '" font-size="22" font-weight="600" fill="#1f2933">' + esc(document.title) +
             "</text>");
    lines.forEach(function (line, i) {
      out.push('<text x="' + num(minX + 16) + '" y="' + num(minY - head + 54 + 18 * i) +
               '" font-size="13" fill="#52606d">' + esc(line) + "</text>");
    });
    var labels = [];
    edges.forEach(function (eo) {
      var a = vis_[eo.from], b = vis_[eo.to];
      if (!a || !b || eo.hidden) { return; }
      var p = pos[eo.from], q = pos[eo.to], col = (eo.color && eo.color.color) || "#9aa5b1";
      var op = eo.color && eo.color.opacity !== undefined ? eo.color.opacity : 1;
      var dx = q.x - p.x, dy = q.y - p.y, len = Math.sqrt(dx * dx + dy * dy) || 1;
      var back = (b.size || 10) + 2, ex = q.x - dx / len * back, ey = q.y - dy / len * back;
      var d, mx = (p.x + ex) / 2, my = (p.y + ey) / 2, ux = dx / len, uy = dy / len;
      if (eo.smooth && eo.smooth.roundness) {
        var sgn = eo.smooth.type === "curvedCW" ? 1 : -1, rr = eo.smooth.roundness * len;
        var cx = mx - uy * rr * sgn, cy = my + ux * rr * sgn;
        d = "M" + num(p.x) + " " + num(p.y) + "Q" + num(cx) + " " + num(cy) + " " + num(ex) +
            " " + num(ey);
        mx = (mx + cx) / 2; my = (my + cy) / 2;
        ux = (ex - cx); uy = (ey - cy);
        var l2 = Math.sqrt(ux * ux + uy * uy) || 1; ux /= l2; uy /= l2;
      } else if (D.layout === "hierarchy") {
        var hx = (ex - p.x) * 0.45;
        d = "M" + num(p.x) + " " + num(p.y) + "C" + num(p.x + hx) + " " + num(p.y) + " " +
            num(ex - hx) + " " + num(ey) + " " + num(ex) + " " + num(ey);
        ux = ex - (ex - hx); uy = 0;
        var l3 = Math.abs(ux) || 1; ux /= l3;
      } else {
        d = "M" + num(p.x) + " " + num(p.y) + "L" + num(ex) + " " + num(ey);
      }
      var wd = eo.width || 1.2, ah = 6 + wd * 1.2;
      out.push('<path d="' + d + '" fill="none" stroke="' + esc(col) + '" stroke-width="' +
               num(wd) + '" opacity="' + op + '"/>');
      out.push('<path d="M' + num(ex) + " " + num(ey) + "L" + num(ex - ux * ah - uy * ah * 0.5) +
               " " + num(ey - uy * ah + ux * ah * 0.5) + "L" + num(ex - ux * ah + uy * ah * 0.5) +
               " " + num(ey - uy * ah - ux * ah * 0.5) + 'Z" fill="' + esc(col) + '" opacity="' +
               op + '"/>');
      if (eo.label) {
        var fc = (eo.font && eo.font.color) || "#616e7c", fs = (eo.font && eo.font.size) || 11;
        labels.push('<text x="' + num(mx) + '" y="' + num(my) + '" font-size="' + fs +
                    '" fill="' + esc(fc) + '" text-anchor="middle" stroke="#ffffff" ' +
                    'stroke-width="3" paint-order="stroke">' + esc(eo.label) + "</text>");
      }
    });
    out.push.apply(out, labels);
    nodes.forEach(function (n) {
      var p = pos[n.id];
      if (!vis_[n.id]) { return; }
      var g = groups[n.group] || {}, shape = g.shape || "dot", size = n.size || 10;
      var col = n.color || g.color || {}, fill = col.background || "#97c2fc";
      var stroke = col.border || "#2b7ce9", bw = n.borderWidth || 1.5;
      var op = n.opacity !== undefined ? n.opacity : 1;
      var font = Object.assign({ size: 14, color: "#343a40" }, g.font || {}, n.font || {});
      var lines = n.label ? String(n.label).split("\n") : [];
      var fs = font.size, attrs = ' fill="' + esc(fill) + '" stroke="' + esc(stroke) +
          '" stroke-width="' + num(bw) + '" opacity="' + op + '"';
      var inside = shape === "box" || shape === "ellipse";
      if (inside) {
        var tw = Math.max.apply(null, lines.map(function (l) {
          return WIDE.test(l) ? l.length * fs : l.length * fs * 0.56;
        }).concat([fs])) + 12, th = lines.length * fs * 1.2 + 8;
        out.push(shape === "box" ? '<rect x="' + num(p.x - tw / 2) + '" y="' + num(p.y - th / 2) +
                 '" width="' + num(tw) + '" height="' + num(th) + '" rx="4"' + attrs + "/>"
                 : '<ellipse cx="' + num(p.x) + '" cy="' + num(p.y) + '" rx="' + num(tw / 2 + 6) +
                 '" ry="' + num(th / 2 + 2) + '"' + attrs + "/>");
      } else if (shape === "dot") {
        out.push('<circle cx="' + num(p.x) + '" cy="' + num(p.y) + '" r="' + num(size) + '"' +
                 attrs + "/>");
      } else if (SHAPES[shape]) {
        out.push('<polygon points="' + SHAPES[shape].map(function (v) {
          return num(p.x + v[0] * size) + "," + num(p.y + v[1] * size);
        }).join(" ") + '"' + attrs + "/>");
      }
      if (!lines.length) { return; }
      var y0 = inside ? p.y - (lines.length - 1) * fs * 0.6 + fs * 0.35
        : shape === "text" ? p.y : p.y + size + fs * 0.95;
      var weight = font.bold ? ' font-weight="700"' : "";
      out.push('<text x="' + num(p.x) + '" y="' + num(y0) + '" font-size="' + fs + '" fill="' +
               esc(font.color) + '" text-anchor="middle" opacity="' + Math.max(op, 0.35) + '"' +
               weight + (inside ? "" : ' stroke="#ffffff" stroke-width="' +
               (font.strokeWidth || 3) + '" paint-order="stroke"') + ">" +
               lines.map(function (l, n) {
                 return '<tspan x="' + num(p.x) + '" dy="' + (n ? num(fs * 1.2) : 0) + '">' +
                   esc(l) + "</tspan>";
               }).join("") + "</text>");
    });
    out.push("</svg>");
    return out.join("\n");
  }
  E.toSVG = toSVG;
  function exportSVG() {  // for the CLI's --svg: headless Chromium dumps the DOM
    var box = el("textarea");
    box.id = "estuary-svg";
    box.hidden = true;
    box.value = toSVG();
    box.textContent = box.value;
    document.body.appendChild(box);
  }
  $("save-svg").addEventListener("click", function () {
    download(new Blob([toSVG()], { type: "image/svg+xml" }), fileName("svg"));
  });
})();
