"use strict";

// The detente page: four views over the HTTP API, no framework, one bundled charting library.

const QUADS = [
  ["1", "verbal cooperation", "#8fd19e"],
  ["2", "material cooperation", "#1a7f37"],
  ["3", "verbal conflict", "#f4a6a6"],
  ["4", "material conflict", "#cf222e"],
];

const $ = (selector) => document.querySelector(selector);

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "class") node.className = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    node.append(child instanceof Node ? child : document.createTextNode(String(child ?? "")));
  }
  return node;
}

async function call(url, options = {}) {
  const response = await fetch(url, options);
  const body = await response.json().catch(() => ({ error: `${response.status} ${response.statusText}` }));
  if (!response.ok) throw new Error(body.error || `${response.status} ${response.statusText}`);
  return body;
}

function showView(name) {
  document.querySelectorAll(".view").forEach((view) => view.classList.toggle("active", view.id === name));
  document.querySelectorAll("nav button").forEach((button) => button.classList.toggle("active", button.dataset.view === name));
}

function actorLabel(actor) {
  if (!actor.principal) return actor.text ? `?${actor.text}` : "";
  const code = [actor.principal, actor.sector].filter(Boolean).join(" ");
  return actor.name ? `${code} (${actor.name})` : code;
}

function when(event) {
  const { start, end, from_publication_date: fromPublication } = event.date;
  const text = start === end ? start : `${start} – ${end}`;
  return fromPublication ? `${text}*` : text;
}

function flags(event) {
  return ["negated", "hypothetical", "alleged"].filter((flag) => event[flag]).map((flag) => element("span", { class: "flag" }, flag));
}

function isFact(event) {
  return !(event.negated || event.hypothetical || event.alleged);
}

function exportLinks(container, links) {
  container.replaceChildren(...links.map(([label, href, name]) => element("a", { href, download: name }, label)));
}

function csvLink(events) {
  const columns = ["date", "source", "source_sector", "cameo", "plover", "target", "target_sector", "negated", "hypothetical", "alleged", "sentence"];
  const quote = (value) => `"${String(value ?? "").replaceAll('"', '""')}"`;
  const rows = events.map((e) =>
    [e.date.start, e.source.principal, e.source.sector, e.cameo, e.plover, e.target.principal, e.target.sector, e.negated, e.hypothetical, e.alleged, e.sentence].map(quote).join(","),
  );
  return URL.createObjectURL(new Blob([[columns.join(","), ...rows].join("\n")], { type: "text/csv" }));
}

function jsonLink(data) {
  return URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
}

// --- Analyse -------------------------------------------------------------------------------------

let lastArticle = null;

function highlight(text, events, mentions) {
  // Spans of the text as given: evidence sentences marked, actor mentions underlined.
  // A sentence is shown as a fact's evidence if any of its events is a plain fact.
  const sentences = new Map();
  for (const event of events) {
    const key = event.span.join(":");
    sentences.set(key, { start: event.span[0], end: event.span[1], fact: (sentences.get(key)?.fact ?? false) || isFact(event) });
  }
  const marks = [...sentences.values()];
  const article = element("div");
  let position = 0;
  const boundaries = new Set([0, text.length]);
  for (const mark of marks) { boundaries.add(mark.start); boundaries.add(mark.end); }
  for (const mention of mentions) { boundaries.add(mention.span[0]); boundaries.add(mention.span[1]); }
  const points = [...boundaries].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    let node = document.createTextNode(text.slice(start, end));
    const mention = mentions.find((m) => m.span[0] <= start && end <= m.span[1]);
    if (mention) node = element("u", { class: "actor", title: actorLabel(mention), "data-principal": mention.principal }, node);
    const evidence = marks.find((m) => m.start <= start && end <= m.end);
    if (evidence) node = element("mark", { class: evidence.fact ? "evidence" : "evidence flagged" }, node);
    article.append(node);
    position = end;
  }
  article.append(text.slice(position));
  return article;
}

function eventRows(events) {
  return events.map((event) =>
    element(
      "tr",
      { class: isFact(event) ? "" : "flagged", title: event.sentence },
      element("td", {}, when(event)),
      element("td", {}, actorLabel(event.source)),
      element("td", {}, `${event.cameo} ${event.plover ?? ""}${event.symmetric ? " ⇄" : ""}`),
      element("td", {}, actorLabel(event.target)),
      element("td", {}, flags(event)),
    ),
  );
}

function showAnalysis(result) {
  $("#article").replaceChildren(highlight(result.document.text, result.events, result.mentions));
  $("#event-table tbody").replaceChildren(...eventRows(result.events));
  $("#event-count").textContent = `${result.events.filter(isFact).length} facts, ${result.events.filter((e) => !isFact(e)).length} flagged`;
  $("#unresolved").textContent = result.unresolved.length ? `Unresolved names: ${result.unresolved.join(", ")}` : "";
  $("#stored-note").textContent = result.stored ? `Stored in the database as document ${result.document.doc_id.slice(0, 12)}…` : "";
  $("#store-button").disabled = result.stored;
  exportLinks($("#analyse-exports"), [
    ["CSV", csvLink(result.events), "events.csv"],
    ["JSON", jsonLink(result), "analysis.json"],
  ]);
}

async function analyse(store) {
  $("#analyse-error").textContent = "";
  const form = $("#analyse-form");
  const file = form.file.files[0];
  try {
    let result;
    if (file) {
      const body = new FormData();
      body.append("file", file);
      if (form.date.value) body.append("date", form.date.value);
      body.append("store", store ? "true" : "false");
      result = await call("/api/upload", { method: "POST", body });
    } else {
      const text = form.text.value;
      if (!text.trim()) throw new Error("paste an article or choose a file");
      result = await call("/api/analyze", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text, date: form.date.value || null, title: form.title.value || null, store }),
      });
    }
    lastArticle = result;
    showAnalysis(result);
  } catch (error) {
    $("#analyse-error").textContent = error.message;
  }
}

// --- Dyad ----------------------------------------------------------------------------------------

let dyadChart = null;

function dyadQuery(form) {
  return new URLSearchParams({ a: form.a.value, b: form.b.value, by: form.by.value });
}

function drawSeries(container, periods) {
  dyadChart ??= echarts.init(container);
  dyadChart.setOption(
    {
      animation: false,
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 50, right: 50, top: 40, bottom: 40 },
      xAxis: { type: "category", data: periods.map((period) => period.start) },
      yAxis: [{ type: "value", name: "events" }, { type: "value", name: "net cooperation" }],
      series: [
        ...QUADS.map(([quad, name, color]) => ({ name, type: "bar", stack: "events", data: periods.map((p) => p.quads[quad]), itemStyle: { color } })),
        { name: "net cooperation", type: "line", yAxisIndex: 1, data: periods.map((p) => p.net_cooperation), itemStyle: { color: "#1f2328" } },
      ],
    },
    true,
  );
}

function weighedEvents(events) {
  return events.map((event) =>
    element(
      "li",
      { class: isFact(event) ? "" : "flagged" },
      element("strong", {}, `${when(event)} `),
      `${actorLabel(event.source)} → ${actorLabel(event.target)}: ${event.cameo} ${event.plover ?? ""} `,
      flags(event),
      element("span", { class: "dataset" }, ` [${event.dataset}] `),
      event.sentence ? element("q", {}, event.sentence) : "",
      event.doc_id ? element("a", { href: `#document=${event.doc_id}`, class: "document-link" }, " document") : "",
    ),
  );
}

function title(result) {
  return result.dyad.map((code) => (result.names[code] && result.names[code] !== code ? `${result.names[code]} (${code})` : code)).join(" – ");
}

function relationSummary(result) {
  const now = result.relation;
  const parts = [
    element(
      "p",
      {},
      element("span", { class: `state ${now.state}` }, now.state),
      ` on ${now.on} — score ${now.score.toFixed(2)}, confidence ${Math.round(now.confidence * 100)}%, from ${result.facts} plain facts (${result.flagged} flagged, not counted)`,
    ),
    element("p", { class: "trend" }, `Trend: ${result.trend.direction} (${result.trend.change >= 0 ? "+" : ""}${result.trend.change.toFixed(2)} since ${result.trend.before.on}, when ${result.trend.before.state})`),
    element("p", { class: "outlook" }, `Heading (${result.outlook.on}): ${result.outlook.state} — ${result.outlook.note}`),
  ];
  const chances = Object.entries(result.outlook.probabilities ?? {});
  if (chances.length) parts.push(chanceBar(chances));
  if (result.turns.length) {
    parts.push(element("p", { class: "turns" }, "Turns: ", result.turns.map((turn) => `${turn.on} ${turn.after > turn.before ? "warmed" : "cooled"} (${turn.before.toFixed(2)} → ${turn.after.toFixed(2)})`).join("; ")));
  }
  parts.push(element("div", { class: "balance" }, element("strong", {}, "Balance: "), result.balance.reasons.length ? element("ul", {}, result.balance.reasons.map((reason) => element("li", {}, reason))) : "no third party has signed relations with both"));
  return parts;
}

// The forecast's chance of each state, best first, as one bar.
function chanceBar(chances) {
  return element(
    "div",
    { class: "chances", title: "forecast: the chance of each state at the horizon" },
    ...chances.map(([state, chance]) =>
      element("span", { class: `chance ${state}`, style: `flex-grow: ${Math.max(chance, 0.001)}` }, `${state} ${Math.round(chance * 100)}%`),
    ),
  );
}

async function showDyad(query) {
  $("#dyad-error").textContent = "";
  try {
    const result = await call(`/api/dyad?${query}`);
    $("#dyad-summary").replaceChildren(element("h2", {}, title(result)), ...relationSummary(result));
    drawSeries($("#dyad-chart"), result.series.periods);
    $("#dyad-events").replaceChildren(...weighedEvents(result.weighing.map((w) => w.event)));
    exportLinks($("#dyad-exports"), [
      ["CSV", `/api/dyad?${query}&format=csv`, "dyad.csv"],
      ["JSON", `/api/dyad?${query}`, "dyad.json"],
    ]);
  } catch (error) {
    $("#dyad-error").textContent = error.message;
  }
}

function openDyad(a, b) {
  const form = $("#dyad-form");
  form.a.value = a;
  form.b.value = b;
  showView("dyad");
  showDyad(dyadQuery(form));
}

// --- Network -------------------------------------------------------------------------------------

let networkChart = null;

async function showNetwork() {
  $("#network-error").textContent = "";
  const form = $("#network-form");
  const query = new URLSearchParams();
  for (const name of ["on", "kind", "region", "actor"]) if (form[name].value) query.set(name, form[name].value);
  try {
    const result = await call(`/api/network?${query}`);
    const nodes = [...new Set(result.edges.flatMap((edge) => [edge.a, edge.b]))];
    const latest = result.frustration.at(-1);
    const index = latest?.index == null ? "—" : latest.index.toFixed(3);
    $("#network-summary").textContent = `${nodes.length} actors, ${result.edges.length} relations on ${result.on}; frustration index ${index}`;
    networkChart ??= echarts.init($("#network-chart"));
    const widest = Math.max(1, ...result.edges.map((edge) => edge.evidence));
    networkChart.setOption(
      {
        animation: false,
        tooltip: { formatter: (item) => (item.dataType === "edge" ? `${item.data.source} – ${item.data.target}: ${item.data.state}` : result.names[item.data.id] ?? item.data.id) },
        series: [
          {
            type: "graph",
            layout: "force",
            roam: true,
            label: { show: true, position: "right" },
            force: { repulsion: 220, edgeLength: 110, layoutAnimation: false },
            data: nodes.map((code) => ({ id: code, name: code, symbolSize: 16 })),
            links: result.edges.map((edge) => ({
              source: edge.a,
              target: edge.b,
              state: edge.state,
              lineStyle: { color: edge.sign > 0 ? "#1a7f37" : "#cf222e", width: 1 + (5 * edge.evidence) / widest },
            })),
          },
        ],
      },
      true,
    );
    networkChart.off("click");
    networkChart.on("click", (item) => {
      if (item.dataType === "edge") openDyad(item.data.source, item.data.target);
    });
    exportLinks($("#network-exports"), [
      ["CSV", `/api/network?${query}&format=csv`, "network.csv"],
      ["JSON", `/api/network?${query}`, "network.json"],
      ["GEXF", `/api/network?${query}&format=gexf`, "network.gexf"],
    ]);
  } catch (error) {
    $("#network-error").textContent = error.message;
  }
}

// --- Ask -----------------------------------------------------------------------------------------

async function ask() {
  $("#ask-error").textContent = "";
  const question = $("#ask-form").q.value;
  try {
    const result = await call(`/api/ask?${new URLSearchParams({ q: question })}`);
    const understood = result.question.actors.map((actor) => `${actor.text} → ${actor.principal}`).join(", ");
    $("#answer").replaceChildren(
      element("h2", {}, title(result)),
      element("p", { class: "understood" }, `Understood: ${understood}${result.question.horizon_text ? `; horizon ${result.question.horizon_text}` : ""}`),
      element("p", { class: "answer-text" }, result.verdict?.text ?? "The question asks neither friends nor foes; the relation is below."),
      ...relationSummary(result),
      element("h3", {}, "Events that weigh most"),
      element("ol", {}, weighedEvents(result.weighing.map((w) => w.event))),
      element("p", {}, element("a", { href: "#", onclick: (e) => { e.preventDefault(); openDyad(result.dyad[0], result.dyad[1]); } }, "Open the dyad")),
    );
    const query = new URLSearchParams({ q: question });
    exportLinks($("#ask-exports"), [
      ["CSV", `/api/ask?${query}&format=csv`, "answer.csv"],
      ["JSON", `/api/ask?${query}`, "answer.json"],
    ]);
  } catch (error) {
    $("#ask-error").textContent = error.message;
  }
}

// --- a stored document, opened from an event's link ------------------------------------------------

async function openDocument(docId) {
  showView("analyse");
  $("#analyse-error").textContent = "";
  try {
    const stored = await call(`/api/documents/${encodeURIComponent(docId)}`);
    showAnalysis({ ...stored, mentions: [], unresolved: [], stored: true });
  } catch (error) {
    $("#analyse-error").textContent = error.message;
  }
}

function route() {
  const wanted = new URLSearchParams(location.hash.slice(1)).get("document");
  if (wanted) openDocument(wanted);
}

// --- wiring --------------------------------------------------------------------------------------

document.querySelectorAll("nav button").forEach((button) => button.addEventListener("click", () => showView(button.dataset.view)));
$("#analyse-form").addEventListener("submit", (event) => { event.preventDefault(); analyse(false); });
$("#store-button").addEventListener("click", () => analyse(true));
$("#dyad-form").addEventListener("submit", (event) => { event.preventDefault(); showDyad(dyadQuery(event.target)); });
$("#network-form").addEventListener("submit", (event) => { event.preventDefault(); showNetwork(); });
$("#ask-form").addEventListener("submit", (event) => { event.preventDefault(); ask(); });
window.addEventListener("hashchange", route);
route();
