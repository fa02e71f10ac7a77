// The staff console page. Every value from the store is put in the page with textContent (the
// el() helper of ui.js): nothing a volunteer typed is ever parsed as HTML.
import { barChart, el, table } from "./ui.js";

let texts = {};
let csrf = "";
let session = null;
const T = (key, params = {}) => (texts[key] ?? key).replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
const $ = (id) => document.getElementById(id);
/** "2026-03-20 14:00" in the park's time zone, whatever the browser's zone is. */
function when(iso) {
  if (!iso) return "";
  const parts = Object.fromEntries(new Intl.DateTimeFormat("en-CA", { timeZone: session?.timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}


async function api(path, options = {}) {
  const headers = { accept: "application/json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if ((options.method ?? "GET") !== "GET") headers["x-csrf-token"] = csrf;
  const response = await fetch(path, { method: options.method ?? "GET", headers, body: options.body === undefined ? undefined : JSON.stringify(options.body), credentials: "same-origin" });
  const value = await response.json().catch(() => ({}));
  if (!response.ok) throw Object.assign(new Error(value.error ?? String(response.status)), { status: response.status });
  return value;
}

function toast(text) {
  const box = $("toast");
  box.textContent = text;
  box.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => (box.hidden = true), 5000);
}

function show(...nodes) {
  $("main").replaceChildren(...nodes.filter(Boolean));
}

const notice = (text) => el("p", { class: "notice" }, text);

// ---- login ----------------------------------------------------------------------------------
async function login() {
  const token = new URLSearchParams(location.search).get("t") ?? "";
  // The token leaves the address bar (and history) before anything else happens.
  history.replaceState(null, "", "/console/login");
  show(notice(T("loggingIn")));
  try {
    csrf = (await api("/console/login/token")).csrf;
    await api("/console/login", { method: "POST", body: { t: token } });
    location.replace("/console");
  } catch (error) {
    show(notice(error.message || T("loginFailed")));
  }
}

// ---- pages ----------------------------------------------------------------------------------
const pages = [
  ["reports", () => reportsPage()],
  ["stats", () => statsPage()],
  ["trainings", () => trainingsPage()],
  ["broadcasts", () => broadcastsPage()],
  ["tickets", () => ticketsPage()],
  ["audit", () => auditPage()],
];

function tabs(current) {
  $("tabs").hidden = false;
  $("tabs").replaceChildren(...pages.map(([name]) => el("button", { "aria-selected": name === current ? "true" : "false", "data-page": name, onclick: () => open(name) }, T(`tab.${name}`))));
}

async function open(name) {
  location.hash = name;
  tabs(name);
  show(notice("…"));
  try {
    await pages.find(([page]) => page === name)[1]();
  } catch (error) {
    if (error.status === 401) return needLogin(error.message);
    show(notice(error.message));
  }
}

function needLogin(text) {
  $("tabs").hidden = true;
  $("logout").hidden = true;
  $("who").textContent = "";
  show(notice(text || T("needLogin")));
}

const field = (label, value) => [el("dt", {}, label), el("dd", {}, value === null || value === undefined || value === "" ? "—" : value)];
const statusBadge = (status) => el("span", { class: `badge ${status}` }, T(`status.${status}`));

async function reportsPage(filters = { month: "", organization: "", status: "submitted" }) {
  const query = new URLSearchParams(Object.entries(filters).filter(([, value]) => value));
  const { reports, organizations, total } = await api(`/console/api/reports?${query}`);
  const month = el("input", { type: "month", value: filters.month, "aria-label": T("filter.month") });
  const organization = el("select", { "aria-label": T("filter.organization") }, el("option", { value: "" }, T("filter.all")), organizations.map((name) => el("option", { value: name, selected: name === filters.organization }, name)));
  const status = el("select", { "aria-label": T("filter.status") }, el("option", { value: "" }, T("filter.all")), ["submitted", "approved", "returned"].map((value) => el("option", { value, selected: value === filters.status }, T(`status.${value}`))));
  const apply = () => reportsPage({ month: month.value, organization: organization.value, status: status.value }).catch((error) => toast(error.message));
  const bar = el("div", { class: "filters" },
    el("label", {}, T("filter.month"), month), el("label", {}, T("filter.organization"), organization), el("label", {}, T("filter.status"), status),
    el("button", { class: "secondary", onclick: apply }, T("filter.apply")));
  const list = reports.length === 0 ? notice(T("reports.none")) : el("div", { class: "cards" }, reports.map((report) => reportCard(report, apply)));
  const more = total > reports.length ? el("p", { class: "muted" }, T("reports.more", { shown: reports.length, total })) : "";
  show(bar, more, list);
}

const editable = ["organization", "title", "category", "date", "start_time", "end_time", "location", "volunteers", "volunteer_hours", "beneficiaries", "description"];

function reportCard(report, refresh) {
  const output = el("div", { class: "output", hidden: true });
  const say = (text) => { output.hidden = !text; output.textContent = text; };
  const act = async (path, body) => {
    try {
      const result = await api(`/console/api/reports/${encodeURIComponent(report.id)}/${path}`, { method: "POST", body });
      toast(result.text || T("done"));
      await refresh();
    } catch (error) { say(error.message); }
  };
  const reason = el("input", { type: "text", placeholder: T("reports.reason"), "aria-label": T("reports.reason") });
  const fieldChoice = el("select", { "aria-label": T("reports.field") }, editable.map((name) => el("option", { value: name }, T(`field.${name}`))));
  const value = el("input", { type: "text", "aria-label": T("reports.value") });
  fieldChoice.addEventListener("change", () => (value.value = report[fieldChoice.value] ?? ""));
  value.value = report[editable[0]] ?? "";
  const editor = el("div", { class: "edit", hidden: true }, fieldChoice, value, el("button", { class: "secondary", onclick: () => act("edit", { field: fieldChoice.value, value: value.value }) }, T("reports.save")));
  const returning = el("div", { class: "edit", hidden: true }, reason, el("button", { class: "danger", "data-action": "confirm-return", onclick: () => (reason.value.trim() ? act("return", { reason: reason.value }) : say(T("reports.needReason"))) }, T("reports.confirmReturn")));
  const time = [report.start_time, report.end_time].filter(Boolean).join("-");
  return el("article", { class: "card", "data-report": report.id },
    el("h3", {}, report.title ?? T("reports.untitled"), statusBadge(report.status)),
    el("dl", {},
      field(T("field.id"), report.id), field(T("field.organization"), report.organization), field(T("field.category"), report.category),
      field(T("field.date"), [report.date, time].filter(Boolean).join(" ")), field(T("field.location"), report.location),
      field(T("field.volunteers"), report.volunteers), field(T("field.volunteer_hours"), report.volunteer_hours), field(T("field.beneficiaries"), report.beneficiaries),
      field(T("field.description"), report.description), field(T("field.photos"), report.photos),
      field(T("field.reporter"), report.reporter_name), field(T("field.chat"), report.chat_title ?? report.chat),
      report.return_reason ? field(T("field.return_reason"), report.return_reason) : null),
    el("div", { class: "actions" },
      report.status !== "approved" ? el("button", { class: "primary", "data-action": "approve", onclick: () => act("approve") }, T("reports.approve")) : null,
      report.status !== "returned" ? el("button", { class: "danger", "data-action": "return", onclick: () => { returning.hidden = !returning.hidden; reason.focus(); } }, T("reports.return")) : null,
      el("button", { class: "secondary", onclick: () => (editor.hidden = !editor.hidden) }, T("reports.edit"))),
    returning, editor, output);
}


async function statsPage(month = "") {
  const stats = await api(`/console/api/stats${month ? `?month=${month}` : ""}`);
  const picker = el("input", { type: "month", value: stats.month, "aria-label": T("filter.month") });
  const go = () => statsPage(picker.value).catch((error) => toast(error.message));
  const download = (format) => el("a", { class: "secondary", href: `/console/api/export?month=${stats.month}&format=${format}`, download: "" }, T(`stats.download.${format}`));
  const total = stats.total;
  show(
    el("div", { class: "filters" }, el("label", {}, T("filter.month"), picker), el("button", { class: "secondary", onclick: go }, T("filter.apply")), download("xlsx"), download("csv")),
    el("div", { class: "figures" },
      el("div", { class: "figure" }, el("b", {}, Math.round(total.volunteerHours * 10) / 10), el("span", {}, T("stats.hours"))),
      el("div", { class: "figure" }, el("b", {}, total.volunteers), el("span", {}, T("stats.volunteers"))),
      el("div", { class: "figure" }, el("b", {}, total.activities), el("span", {}, T("stats.activities")))),
    el("div", { class: "charts" },
      barChart(T("stats.byOrganization"), stats.organizations.map((row) => ({ label: row.organization, value: row.volunteerHours })), T("stats.empty")),
      barChart(T("stats.byCategory"), stats.categories.map((row) => ({ label: row.category ?? T("stats.noCategory"), value: row.volunteerHours })), T("stats.empty")),
      barChart(T("stats.trend"), stats.trend.map((row) => ({ label: row.month, value: row.volunteerHours })), T("stats.empty"))),
    table([T("field.organization"), T("stats.activities"), T("stats.volunteers"), T("stats.hours")], stats.organizations.map((row) => [row.organization, row.activities, row.volunteers, Math.round(row.volunteerHours * 10) / 10])),
  );
}


/** A form whose text goes through the same command as in chat; the bot's answer shows below. */
function commandBox(label, placeholder, hint, initial = "") {
  const input = el("textarea", { "aria-label": label, placeholder }, initial);
  const output = el("div", { class: "output", hidden: true });
  const confirm = el("button", { class: "primary", hidden: true, onclick: () => send("确认") }, T("broadcasts.confirm"));
  async function send(text) {
    try {
      const result = await api("/console/api/command", { method: "POST", body: { text } });
      output.hidden = false;
      output.textContent = result.text;
      confirm.hidden = result.waiting !== "broadcast";
    } catch (error) { output.hidden = false; output.textContent = error.message; }
  }
  return el("div", { class: "form" }, el("label", { class: "wide" }, label, input), el("p", { class: "muted wide" }, hint),
    el("div", { class: "actions wide" }, el("button", { class: "primary", onclick: () => send(input.value) }, T("send")), confirm), el("div", { class: "wide" }, output));
}

async function trainingsPage() {
  const trainings = await api("/console/api/trainings");
  const box = commandBox(T("trainings.command"), "/training add 12月20日 14:00-16:00 财务管理培训 @创新园三楼 to:all remind:1d,1h cap:30", T("trainings.hint"));
  const form = trainingForm(box);
  const cards = trainings.map((training) => el("article", { class: "card" },
    el("h3", {}, `#${training.id} ${training.title}`, el("span", { class: "badge" }, T(`trainings.status.${training.status}`))),
    el("dl", {}, field(T("trainings.time"), `${when(training.start)} – ${when(training.end).slice(11)}`), field(T("trainings.place"), training.place),
      field(T("trainings.reminders"), training.reminders.join("、")), field(T("trainings.capacity"), training.capacity),
      field(T("trainings.roster"), training.roster.confirmed.map((person) => person.name).join("、")), field(T("trainings.waiting"), training.roster.waiting.map((person) => person.name).join("、"))),
    el("div", { class: "actions" }, el("button", { class: "secondary", "data-edit": training.id, onclick: () => form.edit(training) }, T("trainings.edit")))));
  show(form.node, box, trainings.length ? el("div", { class: "cards" }, cards) : notice(T("trainings.none")));
}

/**
 * Fields for a training; they are written out as the /training command (shown in the box
 * below before it is sent), so the chat's parser and rules decide, not this page.
 */
function trainingForm(box) {
  let editing = null;
  const input = (name, type = "text", attributes = {}) => el("input", { type, name, "aria-label": T(`trainings.form.${name}`), ...attributes });
  const inputs = { date: input("date", "date"), start: input("start", "time"), end: input("end", "time"), title: input("title"), place: input("place"), audience: input("audience", "text", { placeholder: "all" }), remind: input("remind", "text", { placeholder: "1d,1h" }), capacity: input("capacity", "number", { min: 1 }) };
  const heading = el("h3", { class: "wide" }, T("trainings.form.add"));
  const compact = (value) => value.trim().replace(/\s+/g, "");
  function command() {
    const value = Object.fromEntries(Object.entries(inputs).map(([name, node]) => [name, node.value.trim()]));
    const words = [editing ? `/training edit ${editing}` : "/training add"];
    if (value.date) words.push(value.date);
    if (value.start && value.end) words.push(`${value.start}-${value.end}`);
    if (value.title) words.push(value.title.replace(/\s+/g, " "));
    if (value.place) words.push(`@${compact(value.place)}`);
    if (value.audience) words.push(`to:${compact(value.audience)}`);
    if (value.remind) words.push(`remind:${compact(value.remind)}`);
    if (value.capacity) words.push(`cap:${value.capacity}`);
    return words.join(" ");
  }
  const write = () => { box.querySelector("textarea").value = command(); box.querySelector("textarea").focus(); };
  const node = el("div", { class: "form" }, heading,
    Object.entries(inputs).map(([name, control]) => el("label", { class: name === "title" ? "wide" : undefined }, T(`trainings.form.${name}`), control)),
    el("div", { class: "actions wide" }, el("button", { class: "secondary", onclick: write }, T("trainings.form.write"))));
  return {
    node,
    edit(training) {
      editing = training.id;
      heading.textContent = T("trainings.form.edit", { id: training.id });
      for (const control of Object.values(inputs)) control.value = "";
      inputs.title.placeholder = training.title;
      inputs.place.placeholder = training.place;
      inputs.remind.placeholder = training.reminders.join(",");
      node.scrollIntoView();
    },
  };
}

async function broadcastsPage() {
  const broadcasts = await api("/console/api/broadcasts");
  const box = commandBox(T("broadcasts.command"), "/broadcast to:all 本周五下午三点在园区开年检说明会，请各机构派一人参加。", T("broadcasts.hint"));
  const cards = broadcasts.map((job) => el("article", { class: "card" },
    el("h3", {}, `#${job.id}`, el("span", { class: "badge" }, T(`broadcasts.status.${job.status}`))),
    el("p", { class: "output" }, job.text),
    el("p", { class: "muted" }, `${job.by} · ${when(job.createdAt)} · ${job.tags.join("、")}`),
    table([T("broadcasts.group"), T("broadcasts.delivery"), T("broadcasts.confirmed")], job.groups.map((group) => [group.title, T(`broadcasts.state.${group.state}`), group.confirmed ? `✓ ${group.confirmedBy.join("、")}` : "—"]))));
  show(box, broadcasts.length ? el("div", { class: "cards" }, cards) : notice(T("broadcasts.none")));
}

async function ticketsPage() {
  const tickets = await api("/console/api/tickets");
  const cards = tickets.map((ticket) => {
    const answer = el("textarea", { "aria-label": T("tickets.answer"), placeholder: T("tickets.answer") });
    const output = el("div", { class: "output", hidden: true });
    const send = async () => {
      try {
        const result = await api(`/console/api/tickets/${encodeURIComponent(ticket.id)}/reply`, { method: "POST", body: { text: answer.value } });
        output.hidden = false;
        output.textContent = result.text;
      } catch (error) { output.hidden = false; output.textContent = error.message; }
    };
    return el("article", { class: "card" }, el("h3", {}, `#${ticket.id}`),
      el("dl", {}, field(T("tickets.question"), ticket.question), field(T("tickets.asker"), ticket.asker.name), field(T("field.chat"), ticket.chatTitle ?? ticket.chat), field(T("tickets.at"), when(ticket.createdAt))),
      answer, el("div", { class: "actions" }, el("button", { class: "primary", onclick: send }, T("tickets.reply"))), output);
  });
  show(tickets.length ? el("div", { class: "cards" }, cards) : notice(T("tickets.none")));
}

async function auditPage() {
  const entries = await api("/console/api/audit");
  const action = (name) => (texts[`action.${name}`] ? T(`action.${name}`) : name);
  show(entries.length ? el("ul", { class: "log" }, entries.map((entry) => el("li", {}, el("div", { class: "meta" }, `${when(entry.at)} · ${entry.name} · ${action(entry.action)}`), el("div", { class: "detail" }, entry.detail)))) : notice(T("audit.none")));
}

async function start() {
  texts = await fetch("/console/texts", { headers: { accept: "application/json" } }).then((response) => response.json());
  document.title = T("title");
  $("heading").textContent = T("title");
  if (location.pathname === "/console/login") return login();
  try {
    session = await api("/console/api/session");
  } catch (error) {
    return needLogin(error.message);
  }
  csrf = session.csrf;
  $("who").textContent = session.name;
  $("logout").textContent = T("logout");
  $("logout").hidden = false;
  $("logout").addEventListener("click", async () => { await api("/console/api/logout", { method: "POST" }).catch(() => {}); needLogin(T("loggedOut")); });
  const wanted = location.hash.slice(1);
  open(pages.some(([name]) => name === wanted) ? wanted : "reports");
}

document.addEventListener("DOMContentLoaded", () => start().catch((error) => show(notice(String(error.message)))));
