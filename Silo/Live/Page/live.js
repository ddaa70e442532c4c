// The live page of a TradeSim silo (DESIGN §5.4). No framework, no build step.
//
// Data, all JSON in camelCase:
//   GET /live/runs            [run listing], most recently listed first
//   GET /live/runs/events     server-sent events: "runs" (the whole list), then "run" (one listing that changed)
//   GET /live/runs/ID         the run's progress so far; 404 {error} for an unknown id
//   GET /live/runs/ID/events  server-sent events: "snapshot" (progress so far), then "update" (the news since
//                             the previous event) in sequence order; the stream closes after the final update
// A run listing: {runId, scenario, scenarioFile, seed (a string), phase, round, maxRounds, activeNegotiations,
//   failure, listed (higher: listed later)}.
// Progress: {sequence, status: {runId, phase, round, maxRounds, activeNegotiations, failure}, scenario,
//   negotiations: [{negotiation, status, parties, roundsPlayed, deadline, standingOffer: [issue text],
//   offeredBy, utilities: [party order], turns: [{runRound, round, turn, party, action, offer, utilities}]}],
//   eventsFired: [text], tariffChanges: [text], isFinal}. A snapshot holds every turn, event and tariff change
//   so far; an update only those since the previous one, and every negotiation's current status.
// Phases are words: running, completed, failed, cancelled.
//
// Which run is shown: /live?run=ID shows that run. /live follows the most recent run: it opens on it, and when a
// newer run is listed it switches to it if the run shown has ended; while the run shown is still running it
// offers a link to the newer one instead, so nobody loses the run they are watching.
"use strict";

(() => {
  const pinned = new URLSearchParams(location.search).get("run");
  const finalPhases = new Set(["completed", "failed", "cancelled"]);
  const partyColours = ["#1f6feb", "#cf222e", "#1a7f37", "#8250df", "#bc4c00", "#0a7e8c", "#6e7781", "#bf3989"];
  const svgNs = "http://www.w3.org/2000/svg";

  const runs = new Map(); // runId -> listing
  let shown = null; // id of the run shown
  let progress = null; // the shown run's progress so far
  let stream = null; // the shown run's event stream
  let refused = false; // whether the shown run's stream was refused

  const $ = id => document.getElementById(id);

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function svgElement(tag, attributes) {
    const node = document.createElementNS(svgNs, tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
    return node;
  }

  const runLink = id => "/live?run=" + encodeURIComponent(id);
  const utility = u => (typeof u === "number" ? u.toFixed(3) : String(u));
  const isFinal = phase => finalPhases.has(phase);

  // ---- The runs on the cluster ----

  function sortedRuns() {
    return [...runs.values()].sort((a, b) => b.listed - a.listed);
  }

  function renderRuns() {
    const list = $("runs");
    const items = sortedRuns().map(run => {
      const item = element("li");
      item.dataset.runId = run.runId;
      if (run.runId === shown) item.classList.add("shown");
      const link = element("a", "", run.scenario || run.runId);
      link.href = runLink(run.runId);
      item.append(link, " ", element("span", "detail", `seed ${run.seed} · round ${run.round} / ${run.maxRounds} · ${run.phase}`));
      item.title = `${run.runId} · ${run.scenarioFile} · seed ${run.seed}`;
      return item;
    });
    list.replaceChildren(...items);
    $("runs-empty").hidden = items.length > 0;
    renderMeta();
  }

  // The shown run's file and seed, which the runs list knows and its progress does not.
  function renderMeta() {
    if (shown === null) return;
    const listing = runs.get(shown);
    $("run-meta").textContent = listing ? `${shown} · ${listing.scenarioFile} · seed ${listing.seed}` : shown;
  }

  function follow() {
    if (pinned) {
      // A run asked for before it started is refused (404) until it is listed: open it again then.
      if (shown === null || (refused && runs.has(pinned))) open(pinned);
      return;
    }

    const latest = sortedRuns()[0];
    if (!latest || latest.runId === shown) return;

    if (shown === null || (progress && isFinal(progress.status.phase)) || !progress) {
      open(latest.runId);
    } else {
      const link = element("a", "", latest.scenario || latest.runId);
      link.href = runLink(latest.runId);
      notice(["A newer run started: ", link, ". This page stays on the run it shows until that one ends."]);
    }
  }

  function listenToRuns() {
    const source = new EventSource("/live/runs/events");
    source.addEventListener("runs", event => {
      runs.clear();
      for (const run of JSON.parse(event.data)) runs.set(run.runId, run);
      renderRuns();
      follow();
    });
    source.addEventListener("run", event => {
      const run = JSON.parse(event.data);
      runs.set(run.runId, run);
      renderRuns();
      follow();
    });
    // On an error the browser reconnects by itself, and the list comes again whole.
  }

  // ---- One run ----

  function notice(parts) {
    const box = $("notice");
    if (!parts) {
      box.hidden = true;
      box.replaceChildren();
      return;
    }
    box.replaceChildren(...parts);
    box.hidden = false;
  }

  function open(runId) {
    if (stream) stream.close();
    refused = false;
    shown = runId;
    progress = null;
    notice(null);
    const run = $("run");
    run.dataset.runId = runId;
    run.dataset.phase = "";
    $("run-title").textContent = runId;
    $("round").textContent = "0";
    $("max-rounds").textContent = "0";
    $("phase").textContent = "";
    $("negotiations").replaceChildren();
    $("events").replaceChildren();
    $("tariff-changes").replaceChildren();
    renderRuns();

    const source = new EventSource("/live/runs/" + encodeURIComponent(runId) + "/events");
    stream = source;
    source.addEventListener("snapshot", event => {
      if (source !== stream) return;
      progress = JSON.parse(event.data);
      renderRun();
      if (progress.isFinal) finish(source);
    });
    source.addEventListener("update", event => {
      if (source !== stream || !progress) return;
      const update = JSON.parse(event.data);
      if (update.sequence <= progress.sequence) return;
      progress = accumulate(progress, update);
      renderRun();
      if (progress.isFinal) finish(source);
    });
    source.addEventListener("error", () => {
      if (source !== stream || source.readyState !== EventSource.CLOSED) return;
      refused = true;
      // The stream was refused (an unknown run is a 404): say why.
      fetch("/live/runs/" + encodeURIComponent(runId))
        .then(response => response.json())
        .then(body => notice([body.error || "This run cannot be shown."]))
        .catch(() => notice(["The silo cannot be reached."]));
    });
  }

  function finish(source) {
    source.close();
    if (stream === source) stream = null;
    follow();
  }

  // An update carries the turns, events and tariff changes since the previous one: add them to those so far.
  function accumulate(sofar, update) {
    const turns = new Map(sofar.negotiations.map(n => [n.negotiation, n.turns]));
    return {
      ...update,
      negotiations: update.negotiations.map(n => ({ ...n, turns: [...(turns.get(n.negotiation) || []), ...n.turns] })),
      eventsFired: [...sofar.eventsFired, ...update.eventsFired],
      tariffChanges: [...sofar.tariffChanges, ...update.tariffChanges],
    };
  }

  function renderRun() {
    const status = progress.status;
    const run = $("run");
    run.dataset.runId = status.runId;
    run.dataset.phase = status.phase;
    $("run-title").textContent = progress.scenario || status.runId;
    renderMeta();
    $("round").textContent = String(status.round);
    $("max-rounds").textContent = String(status.maxRounds);
    const phase = $("phase");
    phase.textContent = status.phase;
    phase.className = "phase phase-" + status.phase.replace(/\s+/g, "-");
    if (status.phase === "failed" && status.failure) notice(["The run failed: " + status.failure]);

    $("negotiations").replaceChildren(...progress.negotiations.map(renderNegotiation));
    $("events").replaceChildren(...progress.eventsFired.map(text => element("li", "", text)));
    $("tariff-changes").replaceChildren(...progress.tariffChanges.map(text => element("li", "mono", text)));
  }

  function renderNegotiation(n) {
    const card = element("article", "negotiation");
    card.dataset.negotiation = n.negotiation;
    card.dataset.status = n.status;
    const title = element("h3", "", n.negotiation + " ");
    title.append(element("span", "quiet", n.parties.join(" · ")));
    card.append(title);

    const line = element("p");
    line.append(element("span", "status", n.status), ` · round ${n.roundsPlayed} of ${n.deadline}`);
    card.append(line);

    card.append(element("p", "label", n.offeredBy ? `Standing offer, made by ${n.offeredBy}` : "Standing offer"));
    const offer = element("p", "standing-offer");
    // One issue a line; the text of the whole is the issues joined by "; ".
    n.standingOffer.forEach((issue, i) => offer.append(element("span", "issue", i < n.standingOffer.length - 1 ? issue + "; " : issue)));
    if (n.standingOffer.length === 0) offer.classList.add("quiet");
    card.append(offer);

    card.append(element("p", "label", "Each party's utility of it"));
    card.append(element("p", "utilities", n.utilities.map((u, i) => `${n.parties[i]} ${utility(u)}`).join(" · ")));

    card.append(element("p", "label", "Concession curves: each party's utility of every offer, by turn"));
    card.append(concessionCurve(n));
    const legend = element("p", "legend");
    n.parties.forEach((party, i) => {
      const key = element("span");
      const swatch = element("i");
      swatch.style.background = partyColours[i % partyColours.length];
      key.append(swatch, party);
      legend.append(key);
    });
    legend.append(element("span", "quiet", "dots: the party's own offers"));
    card.append(legend);
    return card;
  }

  // One polyline per party: its utility of every offer made (by any party), over the negotiation's turns, as
  // NegMAS and GENIUS draw concession curves. The y axis runs from 0 to 1 when every utility lies there (the
  // usual normalised utilities), else over the data, with its bounds labelled.
  function concessionCurve(n) {
    const width = 360, height = 160, left = 38, right = 8, top = 8, bottom = 22;
    const offers = [];
    n.turns.forEach((turn, index) => {
      if (turn.action === "offer" && turn.utilities.length === n.parties.length) offers.push({ x: index + 1, party: turn.party, utilities: turn.utilities });
    });
    const values = offers.flatMap(o => o.utilities).filter(u => typeof u === "number" && Number.isFinite(u));
    let low = 0, high = 1;
    if (values.some(u => u < 0 || u > 1)) {
      low = Math.min(...values);
      high = Math.max(...values);
      if (high === low) { low -= 0.5; high += 0.5; }
    }
    const turns = Math.max(n.turns.length, 2);
    const px = x => left + ((x - 1) / (turns - 1)) * (width - left - right);
    const py = y => top + (1 - (y - low) / (high - low)) * (height - top - bottom);

    const svg = svgElement("svg", { class: "concession-curve", viewBox: `0 0 ${width} ${height}`, role: "img" });
    svg.setAttribute("aria-label", `Concession curves of ${n.negotiation}`);
    for (const y of [low, (low + high) / 2, high]) {
      svg.append(svgElement("line", { class: "grid", x1: left, x2: width - right, y1: py(y), y2: py(y) }));
      const label = svgElement("text", { x: left - 4, y: py(y) + 4, "text-anchor": "end" });
      label.textContent = Number.isInteger(y) ? String(y) : y.toFixed(2);
      svg.append(label);
    }
    svg.append(svgElement("line", { class: "axis", x1: left, x2: left, y1: top, y2: height - bottom }));
    svg.append(svgElement("line", { class: "axis", x1: left, x2: width - right, y1: height - bottom, y2: height - bottom }));
    const xLabel = svgElement("text", { x: width - right, y: height - 6, "text-anchor": "end" });
    xLabel.textContent = `turn (${n.turns.length})`;
    svg.append(xLabel);

    n.parties.forEach((party, p) => {
      const colour = partyColours[p % partyColours.length];
      const valued = offers.filter(o => typeof o.utilities[p] === "number" && Number.isFinite(o.utilities[p]));
      const points = valued.map(o => `${px(o.x).toFixed(1)},${py(o.utilities[p]).toFixed(1)}`).join(" ");
      svg.append(svgElement("polyline", { class: "curve", "data-party": party, points, stroke: colour }));
      // A dot on each of the party's own offers: the line between them dips to the others' offers.
      for (const o of valued.filter(o => o.party === party)) {
        svg.append(svgElement("circle", { class: "own", cx: px(o.x).toFixed(1), cy: py(o.utilities[p]).toFixed(1), r: 2.2, fill: colour }));
      }
    });
    return svg;
  }

  listenToRuns();
  if (pinned) open(pinned);
})();
