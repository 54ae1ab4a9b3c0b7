// Warta dashboard: reads the JSON API of the server that sent this page and draws the filter bar, timeline,
// map, actor network, events table and article view. Plain DOM and SVG; no library, no network but /api.
"use strict";

const PLOVER = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
  "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const QUAD = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
const SVG = "http://www.w3.org/2000/svg";
const PAGE = 50;
const $ = (id) => document.getElementById(id);

let world = null;      // country outlines, loaded once
let offset = 0;        // events table page
let loadSeq = 0;       // answers of an older filter are dropped

function el(tag, attrs = {}, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function svg(tag, attrs = {}, text) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function status(msg, isError) {
  $("status").textContent = msg;
  $("status").className = isError ? "error" : "";
}

async function api(path) {
  const res = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await res.json();
  if (!res.ok) throw new Error(body.error ? body.error.message : res.statusText);
  return body;
}

// The filter bar as query parameters (empty fields are left out).
function filters() {
  const p = new URLSearchParams();
  for (const name of ["from", "to", "country", "actor", "type", "q"]) {
    const v = $("f-" + name).value.trim();
    if (v) p.set(name, v);
  }
  return p;
}

function withParams(path, extra) {
  const p = filters();
  for (const [k, v] of Object.entries(extra || {})) p.set(k, v);
  const s = p.toString();
  return s ? path + "?" + s : path;
}

async function refresh() {
  const seq = ++loadSeq;
  offset = 0;
  // The filters live in the address, so a view can be bookmarked or shared.
  history.replaceState(null, "", "#" + filters().toString());
  status("Loading…");
  const started = performance.now();
  try {
    const [timeline, places, network] = await Promise.all([
      api(withParams("/api/timeline")),
      api(withParams("/api/places", { limit: 1000 })),
      api(withParams("/api/network", { limit: 40 })),
      loadTable(seq),
    ]);
    if (seq !== loadSeq) return;
    drawTimeline(timeline);
    drawMap(places.places);
    drawNetwork(network.links);
    const n = timeline.buckets.reduce((s, b) => s + b.events, 0);
    status(`${n} dated events · ${places.places.length} places · ${Math.round(performance.now() - started)} ms`);
  } catch (e) {
    if (seq === loadSeq) status(e.message, true);
  }
}

// ---- timeline: stacked bars per period, coloured by QuadClass ----

function periods(buckets, grain) {
  const seen = [...new Set(buckets.map((b) => b.period))].sort();
  if (grain !== "day" || seen.length < 2) return seen;
  // Fill the days between so gaps show as gaps (capped so a long range stays readable).
  const out = [];
  const end = new Date(seen[seen.length - 1] + "T00:00:00Z");
  for (let d = new Date(seen[0] + "T00:00:00Z"); d <= end && out.length < 400; d.setUTCDate(d.getUTCDate() + 1)) {
    out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

async function drawTimeline(data) {
  let { buckets, grain } = data;
  if (new Set(buckets.map((b) => b.period)).size > 120 && grain === "day") {
    ({ buckets, grain } = await api(withParams("/api/timeline", { grain: "month" })));
  }
  const box = $("timeline");
  box.replaceChildren();
  const legend = $("legend");
  legend.replaceChildren(...Object.entries(QUAD).map(([q, name]) => {
    const s = el("span"); s.append(el("i", { class: "q" + q }), name); return s;
  }));
  if (!buckets.length) { box.append(el("p", {}, "No dated events.")); return; }
  const ps = periods(buckets, grain);
  const index = new Map(ps.map((p, i) => [p, i]));
  const stacks = ps.map(() => ({ 1: 0, 2: 0, 3: 0, 4: 0 }));
  for (const b of buckets) if (index.has(b.period)) stacks[index.get(b.period)][b.quad_class] += b.events;
  const max = Math.max(...stacks.map((s) => s[1] + s[2] + s[3] + s[4]));
  const W = 1000, H = 170, left = 28, bottom = 20, bw = (W - left) / ps.length;
  const g = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "events per " + grain });
  g.append(svg("text", { x: 0, y: 10, class: "axis" }, String(max)), svg("text", { x: 0, y: H - bottom, class: "axis" }, "0"));
  stacks.forEach((s, i) => {
    let y = H - bottom;
    for (const q of [1, 2, 3, 4]) {
      if (!s[q]) continue;
      const h = (s[q] / max) * (H - bottom - 12);
      y -= h;
      const r = svg("rect", { x: left + i * bw + bw * 0.1, y, width: Math.max(bw * 0.8, 0.5), height: h, class: "bar q" + q, "data-period": ps[i] });
      r.append(svg("title", {}, `${ps[i]}: ${s[q]} ${QUAD[q]}`));
      g.append(r);
    }
  });
  // Label the first and last periods, and some between when there is room.
  const step = Math.max(1, Math.ceil(ps.length / 6));
  ps.forEach((p, i) => {
    if (i % step === 0 || i === ps.length - 1) {
      g.append(svg("text", { x: left + i * bw + bw / 2, y: H - 5, class: "axis", "text-anchor": "middle" }, p));
    }
  });
  box.append(g);
}

// ---- map: country shapes shaded where events happened, a circle per place ----

async function drawMap(places) {
  if (!world) world = await api("/world.json");
  const box = $("map");
  box.replaceChildren();
  const g = svg("svg", { viewBox: "-180 -84 360 168", role: "img", "aria-label": "map of event places" });
  const perCountry = new Map();
  for (const p of places) perCountry.set(p.country, (perCountry.get(p.country) || 0) + p.events);
  const chosen = $("f-country").value.trim().toUpperCase();
  for (const c of world.countries) {
    const n = perCountry.get(c.iso3) || 0;
    let cls = n ? "has-events" : "";
    if (c.iso3 && c.iso3 === chosen) cls += " selected";
    const path = svg("path", { d: c.d, class: cls.trim(), "data-iso3": c.iso3 || "" });
    path.append(svg("title", {}, n ? `${c.name}: ${n} events` : c.name));
    if (c.iso3) path.addEventListener("click", () => { $("f-country").value = c.iso3; refresh(); });
    g.append(path);
  }
  for (const p of places) {
    const r = Math.min(6, 0.8 + Math.sqrt(p.events) * 0.6);
    const dot = svg("circle", { cx: p.lon, cy: -p.lat, r, class: "place", "data-country": p.country });
    dot.append(svg("title", {}, `${p.name} (${p.country}): ${p.events} events`));
    g.append(dot);
  }
  box.append(g);
}

// ---- network: actors on a circle, an arrow per source → target pair, width by events ----

function drawNetwork(links) {
  const box = $("network");
  box.replaceChildren();
  if (!links.length) { box.append(el("p", {}, "No events with both a source and a target.")); return; }
  const weight = new Map();
  for (const l of links) {
    weight.set(l.source, (weight.get(l.source) || 0) + l.events);
    weight.set(l.target, (weight.get(l.target) || 0) + l.events);
  }
  const nodes = [...weight.keys()].sort((a, b) => weight.get(b) - weight.get(a));
  const W = 600, H = 340, R = Math.min(W, H) / 2 - 40;
  const pos = new Map(nodes.map((n, i) => {
    const a = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    return [n, [W / 2 + R * Math.cos(a), H / 2 + R * Math.sin(a)]];
  }));
  const g = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "actor network" });
  const defs = svg("defs");
  const marker = svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 18, refY: 5, markerWidth: 6, markerHeight: 6, orient: "auto-start-reverse" });
  marker.append(svg("path", { d: "M0 0L10 5L0 10z", fill: "#8a97a5" }));
  defs.append(marker);
  g.append(defs);
  const maxW = Math.max(...links.map((l) => l.events));
  for (const l of links) {
    const [x1, y1] = pos.get(l.source), [x2, y2] = pos.get(l.target);
    // A slight curve keeps A→B and B→A apart.
    const mx = (x1 + x2) / 2 + (y2 - y1) * 0.12, my = (y1 + y2) / 2 - (x2 - x1) * 0.12;
    const e = svg("path", { d: `M${x1} ${y1}Q${mx} ${my} ${x2} ${y2}`, "stroke-width": 1 + 4 * (l.events / maxW), "marker-end": "url(#arrow)", class: "link" });
    e.append(svg("title", {}, `${l.source} → ${l.target}: ${l.events} events`));
    g.append(e);
  }
  const maxN = Math.max(...weight.values());
  for (const n of nodes) {
    const [x, y] = pos.get(n);
    const c = svg("circle", { cx: x, cy: y, r: 4 + 8 * Math.sqrt(weight.get(n) / maxN), class: "node", "data-code": n });
    c.append(svg("title", {}, `${n}: ${weight.get(n)}`));
    c.addEventListener("click", () => { $("f-actor").value = n; refresh(); });
    const t = svg("text", { x, y: y < H / 2 ? y - 14 : y + 22, "text-anchor": "middle" }, n);
    g.append(c, t);
  }
  box.append(g);
}

// ---- events table ----

const codes = (actors) => actors.map((a) => a.code).join(", ") || "–";

async function loadTable(seq) {
  const page = await api(withParams("/api/events", { limit: PAGE, offset }));
  if (seq !== loadSeq) return;
  const body = $("events").tBodies[0];
  body.replaceChildren();
  for (const e of page.events) {
    const tr = el("tr", { "data-id": e.id });
    const type = el("td");
    type.append(el("span", { class: "tag q" + e.quad_class, title: QUAD[e.quad_class] }, e.type));
    const place = e.location ? (e.location.name === e.location.country ? e.location.name : `${e.location.name} (${e.location.country})`) : "–";
    tr.append(el("td", {}, e.date || "undated"), type, el("td", {}, e.cameo), el("td", {}, codes(e.source)),
      el("td", {}, codes(e.target)), el("td", {}, place), el("td", {}, `${e.num_mentions} / ${e.num_articles}`));
    tr.addEventListener("click", () => openEvent(e.id, tr));
    body.append(tr);
  }
  if (!page.events.length) body.append(el("tr", {}, "")).append(el("td", { colspan: 7 }, "No events match."));
  $("page").textContent = page.events.length ? `${offset + 1}–${offset + page.events.length}` : "";
  $("prev").disabled = offset === 0;
  $("next").disabled = page.next_offset === null;
}

async function openEvent(id, row) {
  for (const r of $("events").tBodies[0].rows) r.classList.toggle("open", r === row);
  try {
    const { mentions } = await api(`/api/events/${id}`);
    if (mentions.length) await openArticle(mentions[0].article_id, mentions[0].event);
  } catch (e) {
    status(e.message, true);
  }
}

// ---- article view: the text with every span the extractor found ----

async function openArticle(id, focus) {
  const a = await api(`/api/articles/${id}`);
  const r = a.result;
  $("article-panel").hidden = false;
  $("article-title").textContent = a.title || a.ext_id;
  $("article-meta").textContent = [r.published.value && `published ${r.published.value}${r.published.inferred ? " (inferred)" : ""}`,
    a.source, r.lang, a.url].filter(Boolean).join(" · ");
  const spans = [];
  r.entities.forEach((x) => spans.push({ s: x.start, e: x.end, cls: "ent", tip: `${x.label}${x.actor ? " " + x.actor : ""}` }));
  r.times.forEach((x) => spans.push({ s: x.start, e: x.end, cls: "time", tip: `${x.type} ${x.value || "unresolved"}` }));
  r.quotes.forEach((x, i) => {
    const who = `${x.speaker || "unknown speaker"}${x.speaker_actor ? " (" + x.speaker_actor + ")" : ""}`;
    spans.push({ s: x.start, e: x.end, cls: "quote", tip: `quote ${i + 1} by ${who}` });
    if (x.speaker_span) spans.push({ s: x.speaker_span[0], e: x.speaker_span[1], cls: "speaker", tip: `speaker of quote ${i + 1}: ${who}` });
  });
  r.events.forEach((x, i) => {
    const what = `${x.type} ${x.cameo}: ${codes(x.source)} → ${codes(x.target)} (${x.rule})`;
    spans.push({ s: x.sentence.start, e: x.sentence.end, cls: "evidence", tip: what });
    spans.push({ s: x.trigger.start, e: x.trigger.end, cls: "trigger", tip: what, ev: i });
  });
  renderText(a.text, spans);
  const list = $("article-events");
  list.replaceChildren();
  r.events.forEach((x, i) => {
    const li = el("li", {}, `${x.date || "undated"} ${x.type} (${x.cameo}) ${codes(x.source)} → ${codes(x.target)}: “${x.trigger.text}” — ${x.rule}`);
    li.addEventListener("click", () => showTrigger(i));
    list.append(li);
  });
  const at = focus ? r.events.findIndex((x) => x.trigger.start === focus.trigger.start && x.rule === focus.rule) : -1;
  showTrigger(Math.max(at, 0));
}

function showTrigger(i) {
  const m = document.querySelector(`#article-text mark[data-event="${i}"]`);
  if (m) m.scrollIntoView({ block: "center", behavior: "smooth" });
}

// Cuts the text (code points, as every offset is) at every span boundary; each piece carries the classes
// of the spans covering it, and a piece inside a trigger becomes a <mark>.
function renderText(text, spans) {
  const chars = Array.from(text);
  const cuts = new Set([0, chars.length]);
  for (const sp of spans) { cuts.add(Math.max(0, sp.s)); cuts.add(Math.min(chars.length, sp.e)); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = $("article-text");
  out.replaceChildren();
  for (let k = 0; k + 1 < points.length; k++) {
    const [s, e] = [points[k], points[k + 1]];
    const piece = chars.slice(s, e).join("");
    const on = spans.filter((sp) => sp.s <= s && sp.e >= e);
    if (!on.length) { out.append(piece); continue; }
    const trig = on.find((sp) => sp.cls === "trigger");
    const node = el(trig ? "mark" : "span", { class: [...new Set(on.map((sp) => sp.cls))].join(" "), title: on.map((sp) => sp.tip).join("\n") }, piece);
    if (trig) node.setAttribute("data-event", trig.ev);
    out.append(node);
  }
}

// ---- start ----

function init() {
  for (const t of PLOVER) $("f-type").append(el("option", { value: t }, t));
  const p = new URLSearchParams(location.hash.slice(1));
  for (const [k, v] of p) if ($("f-" + k)) $("f-" + k).value = v;
  $("filters").addEventListener("submit", (ev) => { ev.preventDefault(); refresh(); });
  $("reset").addEventListener("click", () => { $("filters").reset(); refresh(); });
  $("prev").addEventListener("click", () => { offset = Math.max(0, offset - PAGE); loadTable(loadSeq).catch((e) => status(e.message, true)); });
  $("next").addEventListener("click", () => { offset += PAGE; loadTable(loadSeq).catch((e) => status(e.message, true)); });
  refresh();
}

document.addEventListener("DOMContentLoaded", init);
