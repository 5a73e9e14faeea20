/*
 * Sanal's Cockpit plugin (Camunda 7.14+ plugin format, plain JavaScript, no build step): the overdue dashboard on
 * Cockpit's dashboard and, with analytics and charts, on its own page #/sanal-overdue, linked from the header.
 * Data: /camunda/api/cockpit/plugin/sanal-supervision/<engine>/overdue and .../sanal-analytics/<engine>/report|csv,
 * scoped on the server to the logged-in user's area. Element ids and classes are stable for the browser tests
 * (see the README).
 */

const CHANNEL = {SMS: "Мессеж", EMAIL: "Цахим шуудан", FAX: "Факс", VOICEMAIL: "Дуут шуудан", WEB: "Вэб",
  WALK_IN: "Биечлэн", PHONE: "Утсаар"};
const STATUS = {RECEIVED: "Хүлээн авсан", TRIAGE: "Хариуцагч тодорхойлж байна", ASSIGNED: "Шийдвэрлэж байна",
  EXTENDED: "Хугацаа сунгасан", TRANSFERRED: "Шилжүүлсэн", WAITING_FOR_CITIZEN: "Иргэнээс мэдээлэл хүлээж байна",
  REOPENED: "Дахин шалгаж байна"};
const SVG = "http://www.w3.org/2000/svg";

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (v === null || v === undefined) return;
    if (k === "class") e.className = v; else e.setAttribute(k, v);
  });
  children.flat().forEach(c => e.append(c instanceof Node ? c : document.createTextNode(c === null || c === undefined ? "" : String(c))));
  return e;
}

function svg(tag, attrs, ...children) {
  const e = document.createElementNS(SVG, tag);
  Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
  children.forEach(c => e.append(c instanceof Node ? c : document.createTextNode(String(c))));
  return e;
}

function query(filters) {
  const q = new URLSearchParams();
  Object.entries(filters).forEach(([k, v]) => { if (v) q.set(k, v); });
  return q.toString();
}

async function getJson(api, path) {
  const response = await fetch(path, {credentials: "same-origin",
    headers: {"Accept": "application/json", "X-XSRF-TOKEN": api.CSRFToken || ""}});
  if (!response.ok) throw new Error("HTTP " + response.status);
  return response.json();
}

function overdueUrl(api, filters) {
  return api.cockpitApi + "/plugin/sanal-supervision/" + encodeURIComponent(api.engine || "default") + "/overdue?" + query(filters);
}

function analyticsUrl(api, what, filters) {
  return api.cockpitApi + "/plugin/sanal-analytics/" + encodeURIComponent(api.engine || "default") + "/" + what + "?" + query(filters);
}

function select(id, label, choices, value) {
  const s = el("select", {id, class: "form-control input-sm"}, el("option", {value: ""}, "Бүгд"));
  choices.forEach(c => {
    const o = el("option", {value: c.code}, c.name);
    if (c.code === value) o.selected = true;
    s.append(o);
  });
  return el("label", {class: "sanal-filter"}, label, " ", s);
}

function filtersForm(choices, filters, onApply) {
  const soums = choices.soums.filter(s => !filters.aimag || s.parentCode === filters.aimag);
  const bodies = choices.bodies.filter(b => (!filters.soum || b.parentCode === filters.soum)
    && (!filters.aimag || b.parentCode === filters.aimag || b.parentCode.startsWith(filters.aimag + ".")));
  const form = el("form", {class: "form-inline sanal-filters"},
    select("sanal-filter-aimag", "Аймаг", choices.aimags, filters.aimag),
    select("sanal-filter-soum", "Сум", soums, filters.soum),
    select("sanal-filter-body", "Байгууллага", bodies, filters.body),
    select("sanal-filter-category", "Ангилал", choices.categories, filters.category),
    select("sanal-filter-channel", "Суваг", choices.channels, filters.channel),
    el("button", {type: "submit", id: "sanal-filter-apply", class: "btn btn-default btn-sm"}, "Шүүх"));
  form.addEventListener("submit", e => {
    e.preventDefault();
    const v = id => form.querySelector("#" + id).value;
    onApply({aimag: v("sanal-filter-aimag"), soum: v("sanal-filter-soum"), body: v("sanal-filter-body"),
      category: v("sanal-filter-category"), channel: v("sanal-filter-channel")});
  });
  return form;
}

function summaryTable(rows) {
  const head = el("tr", {}, ["Нэгж", "Нээлттэй", "3 хоногт дуусах", "Хугацаа хэтэрсэн", "Хамгийн их хэтэрсэн хоног",
    "Сунгасан", "Иргэнээс хүлээж буй"].map(h => el("th", {}, h)));
  const body = el("tbody");
  rows.forEach(r => body.append(el("tr", {class: "sanal-overdue-summary sanal-level-" + r.level, "data-level": r.level, "data-code": r.code},
    el("td", {class: "sanal-unit"}, r.name),
    el("td", {class: "sanal-open"}, r.open),
    el("td", {class: "sanal-due-soon"}, r.dueSoon),
    el("td", {class: "sanal-overdue" + (r.overdue > 0 ? " sanal-late" : "")}, r.overdue),
    el("td", {class: "sanal-max-days"}, r.maxDaysOverdue || ""),
    el("td", {class: "sanal-extended"}, r.extended),
    el("td", {class: "sanal-waiting"}, r.waitingForCitizen))));
  return el("table", {class: "table table-condensed sanal-summary", id: "sanal-overdue-summary"}, el("thead", {}, head), body);
}

function casesTable(cases, cut) {
  if (!cases.length) return el("p", {id: "sanal-overdue-empty"}, "Хугацаа хэтэрсэн өргөдөл алга.");
  const head = el("tr", {}, ["Хяналтын код", "Байгууллага", "Сум", "Хэтэрсэн хоног", "Хугацаа", "Төлөв", "Хэн дээр",
    "Үйл явц"].map(h => el("th", {}, h)));
  const body = el("tbody");
  cases.forEach(c => body.append(el("tr", {class: "sanal-overdue-case", "data-tracking-code": c.trackingCode},
    el("td", {class: "sanal-tracking-code"}, c.trackingCode),
    el("td", {class: "sanal-body"}, c.body || "—"),
    el("td", {class: "sanal-soum"}, c.soum || ""),
    el("td", {class: "sanal-days-overdue"}, c.daysOverdue),
    el("td", {class: "sanal-due"}, (c.dueAt || "").substring(0, 10)),
    el("td", {class: "sanal-status"}, STATUS[c.status] || c.status),
    el("td", {class: "sanal-holder", title: c.task || ""}, c.holder || "—"),
    el("td", {}, c.processInstanceId
      ? el("a", {class: "sanal-process-link", href: "#/process-instance/" + encodeURIComponent(c.processInstanceId)}, "Нээх")
      : "—"))));
  return el("div", {},
    el("table", {class: "table table-condensed sanal-cases", id: "sanal-overdue-cases"}, el("thead", {}, head), body),
    cut ? el("p", {class: "text-muted"}, "Эхний " + cases.length + " өргөдлийг харуулав (хамгийн их хэтэрсэнээс).") : "");
}

/** Received and answered per month: two lines. */
function trendChart(months) {
  const w = 640, h = 220, left = 40, bottom = 30, top = 20;
  const chart = svg("svg", {id: "sanal-chart-trend", width: w, height: h, viewBox: `0 0 ${w} ${h}`, role: "img",
    "aria-label": "Сар бүрийн ирсэн, хариулсан өргөдөл"});
  if (!months.length) { chart.append(svg("text", {x: left, y: h / 2}, "Мэдээлэл алга")); return chart; }
  const max = Math.max(1, ...months.map(m => m.received));
  const step = months.length > 1 ? (w - left - 10) / (months.length - 1) : 0;
  const x = i => left + i * step;
  const y = v => h - bottom - (v / max) * (h - bottom - top);
  chart.append(svg("line", {x1: left, y1: h - bottom, x2: w - 10, y2: h - bottom, stroke: "#999"}));
  chart.append(svg("text", {x: 2, y: top + 4, "font-size": 11}, max));
  [["received", "#1f77b4", "Ирсэн"], ["answered", "#2ca02c", "Хариулсан"]].forEach(([key, color, label], k) => {
    chart.append(svg("polyline", {fill: "none", stroke: color, "stroke-width": 2, class: "sanal-line-" + key,
      points: months.map((m, i) => `${x(i)},${y(m[key])}`).join(" ")}));
    months.forEach((m, i) => chart.append(svg("circle", {cx: x(i), cy: y(m[key]), r: 3, fill: color},
      svg("title", {}, `${m.month}: ${label} ${m[key]}`))));
    chart.append(svg("text", {x: w - 150 + k * 75, y: 12, fill: color, "font-size": 12}, label));
  });
  months.forEach((m, i) => {
    if (months.length <= 12 || i % Math.ceil(months.length / 12) === 0) {
      chart.append(svg("text", {x: x(i) - 18, y: h - 10, "font-size": 10}, m.month));
    }
  });
  return chart;
}

/** On-time answers per body, in percent: horizontal bars. */
function onTimeChart(bodies) {
  const rows = bodies.filter(b => b.onTimePercent !== null && b.onTimePercent !== undefined);
  const barH = 18, w = 640, labelW = 260;
  const h = Math.max(40, rows.length * (barH + 6) + 10);
  const chart = svg("svg", {id: "sanal-chart-ontime", width: w, height: h, viewBox: `0 0 ${w} ${h}`, role: "img",
    "aria-label": "Байгууллага бүрийн хугацаандаа хариулсан хувь"});
  if (!rows.length) { chart.append(svg("text", {x: 10, y: 24}, "Хариулсан өргөдөл алга")); return chart; }
  rows.forEach((b, i) => {
    const y0 = 5 + i * (barH + 6);
    const len = (w - labelW - 60) * b.onTimePercent / 100;
    const color = b.onTimePercent >= 90 ? "#2ca02c" : b.onTimePercent >= 70 ? "#ff7f0e" : "#d62728";
    chart.append(svg("text", {x: 0, y: y0 + 13, "font-size": 11}, (b.body || b.bodyCode || "—").substring(0, 40)));
    chart.append(svg("rect", {x: labelW, y: y0, width: Math.max(1, len), height: barH, fill: color, class: "sanal-bar"},
      svg("title", {}, `${b.body}: ${b.onTimePercent}% (${b.answeredOnTime}/${b.answered})`)));
    chart.append(svg("text", {x: labelW + len + 4, y: y0 + 13, "font-size": 11}, b.onTimePercent + "%"));
  });
  return chart;
}

function stepsTable(steps) {
  const head = el("tr", {}, ["Алхам", "Төрөл", "Тоо", "Дундаж (цаг)", "Медиан (цаг)", "90% (цаг)"].map(h => el("th", {}, h)));
  const body = el("tbody");
  steps.forEach(s => body.append(el("tr", {class: "sanal-step", "data-activity": s.activityId},
    el("td", {}, s.name || s.activityId), el("td", {}, s.type), el("td", {}, s.count),
    el("td", {}, s.meanHours), el("td", {}, s.medianHours), el("td", {}, s.p90Hours))));
  return el("table", {class: "table table-condensed", id: "sanal-steps"}, el("thead", {}, head), body);
}

function analyticsTable(rows) {
  const head = el("tr", {}, ["Сар", "Байгууллага", "Ирсэн", "Хариулсан", "Хугацаандаа %", "Медиан хоног",
    "90% хоног", "Хэтэрсэн", "Сунгасан", "Шилжүүлсэн", "Дахин", "Дундаж үнэлгээ"].map(h => el("th", {}, h)));
  const body = el("tbody");
  rows.forEach(r => body.append(el("tr", {class: "sanal-analytics-row"},
    el("td", {}, r.month), el("td", {}, r.body || r.soum || r.aimag), el("td", {}, r.received), el("td", {}, r.answered),
    el("td", {}, r.onTimePercent), el("td", {}, r.medianDays), el("td", {}, r.p90Days), el("td", {}, r.overdue),
    el("td", {}, r.extensions), el("td", {}, r.transfers), el("td", {}, r.reopened), el("td", {}, r.ratingMean))));
  return el("table", {class: "table table-condensed", id: "sanal-analytics-table"}, el("thead", {}, head), body);
}

function mount(node, api, full) {
  const root = el("div", {id: "sanal-overdue-dashboard", class: "sanal-supervision", "data-state": "loading"});
  node.innerHTML = "";
  node.append(full ? el("div", {id: "sanal-overdue-page", class: "container-fluid"}, root) : root);
  let filters = {};

  async function load() {
    root.setAttribute("data-state", "loading");
    try {
      const report = await getJson(api, overdueUrl(api, filters));
      const parts = [
        el("h3", {}, "Хугацаа хэтэрсэн өргөдөл"),
        filtersForm(report.choices, filters, f => { filters = f; load(); }),
        summaryTable(report.rows),
        el("h4", {}, "Хугацаа хэтэрсэн өргөдлүүд"),
        casesTable(report.cases, report.casesCut)];
      if (full) {
        const analytics = await getJson(api, analyticsUrl(api, "report", filters));
        parts.push(
          el("h3", {}, "Шинжилгээ"),
          el("p", {}, el("a", {id: "sanal-analytics-csv", class: "btn btn-default btn-sm",
            href: analyticsUrl(api, "csv", filters), download: "sanal-analytics.csv"}, "CSV татах (байгууллага, сараар)")),
          el("h4", {}, "Сар бүрийн ирсэн, хариулсан өргөдөл"), trendChart(analytics.months),
          el("h4", {}, "Хугацаандаа хариулсан хувь, байгууллагаар"), onTimeChart(analytics.bodies),
          el("h4", {}, "Алхам бүрт зарцуулсан хугацаа"), stepsTable(analytics.steps),
          el("h4", {}, "Байгууллага, сараар"), analyticsTable(analytics.rows));
      } else {
        parts.push(el("p", {}, el("a", {href: "#/sanal-overdue", id: "sanal-overdue-more"}, "Дэлгэрэнгүй, шинжилгээ »")));
      }
      root.replaceChildren(...parts);
      root.setAttribute("data-state", "loaded");
    } catch (e) {
      root.replaceChildren(el("h3", {}, "Хугацаа хэтэрсэн өргөдөл"),
        el("p", {class: "sanal-error alert alert-warning"}, "Мэдээлэл ачаалж чадсангүй: " + e.message));
      root.setAttribute("data-state", "error");
    }
  }
  load();
}

export default [
  {
    id: "sanal-overdue-dashboard",
    pluginPoint: "cockpit.dashboard",
    priority: 100,
    render: (node, {api}) => mount(node, api, false)
  },
  {
    id: "sanal-overdue-route",
    pluginPoint: "cockpit.route",
    properties: {path: "/sanal-overdue", label: "Хугацаа хэтэрсэн"},
    render: (node, {api}) => mount(node, api, true)
  },
  {
    id: "sanal-overdue-navigation",
    pluginPoint: "cockpit.navigation",
    priority: 100,
    properties: {path: "/sanal-overdue"},
    render: node => {
      node.innerHTML = "";
      node.append(el("a", {id: "sanal-overdue-nav", href: "#/sanal-overdue"}, "Хугацаа хэтэрсэн"));
    }
  }
];
