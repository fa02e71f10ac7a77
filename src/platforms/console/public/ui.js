// DOM helpers of the console page. Text always goes in through textContent or text nodes, never
// as HTML, so whatever a volunteer typed stays text.

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) if (child !== undefined && child !== null) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

// ---- statistics: hand-drawn SVG bar charts ---------------------------------------------------
const svgNs = "http://www.w3.org/2000/svg";
export function svg(tag, attributes = {}, text) {
  const node = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = String(text);
  return node;
}

/** Horizontal bars: one row per label, value written at the bar's end. */
export function barChart(title, rows, emptyText) {
  const width = 360, labelWidth = 110, rowHeight = 26, max = Math.max(1, ...rows.map((row) => row.value));
  const chart = svg("svg", { viewBox: `0 0 ${width} ${rows.length * rowHeight + 8}`, role: "img", "aria-label": title });
  rows.forEach((row, index) => {
    const y = index * rowHeight + 4;
    const length = Math.max(1, ((width - labelWidth - 40) * row.value) / max);
    const label = row.label.length > 8 ? `${row.label.slice(0, 7)}…` : row.label;
    chart.append(svg("text", { x: labelWidth - 6, y: y + 16, "text-anchor": "end" }, label));
    chart.append(svg("rect", { class: "bar-rect", x: labelWidth, y: y + 3, width: length, height: rowHeight - 8, rx: 3 }));
    chart.append(svg("text", { x: labelWidth + length + 6, y: y + 16 }, Math.round(row.value * 10) / 10));
  });
  return el("figure", { class: "chart" }, el("h3", {}, title), rows.length ? chart : el("p", { class: "muted" }, emptyText));
}

export function table(headers, rows) {
  return el("div", { class: "table-wrap" }, el("table", {}, el("thead", {}, el("tr", {}, headers.map((header) => el("th", {}, header)))), el("tbody", {}, rows.map((row) => el("tr", {}, row.map((cell) => el("td", {}, cell ?? "—")))))));
}
