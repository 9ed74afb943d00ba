// Renders an Answer (see src/core/answer.ts) into the page. Text goes in through textContent only.

const MAX_ROWS_SHOWN = 500;

/** Builds an element with text; never parses markup. */
export function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

export function renderParts(parts, container) {
  container.replaceChildren(...parts.map(renderPart));
}

function renderPart(part) {
  const section = element("section", undefined, `part part-${part.type}`);
  section.append(element("h2", part.title));
  if (part.type === "table") section.append(renderTable(part));
  else if (part.type === "findings") section.append(renderFindings(part.findings));
  else if (part.type === "code") section.append(element("pre", part.code, `code code-${part.language}`));
  else section.append(element("p", part.text, "text"));
  if (part.truncated) section.append(element("p", "Output cut: only the end is shown.", "hint"));
  return section;
}

function renderTable(part) {
  const wrapper = element("div", undefined, "table-wrapper");
  const table = element("table");
  table.dataset.title = part.title;
  const headRow = element("tr");
  part.columns.forEach((column, index) => {
    const th = element("th");
    th.scope = "col";
    const button = element("button", column, "sort");
    button.type = "button";
    button.title = `Sort by ${column}`;
    button.addEventListener("click", () => sortBy(table, index, th));
    th.append(button);
    headRow.append(th);
  });
  const head = element("thead");
  head.append(headRow);
  const body = element("tbody");
  const unhealthy = new Set(part.unhealthyRows ?? []);
  part.rows.slice(0, MAX_ROWS_SHOWN).forEach((row, index) => {
    const tr = element("tr", undefined, unhealthy.has(index) ? "unhealthy" : undefined);
    for (const cell of row) tr.append(element("td", cell === null ? "" : cell));
    body.append(tr);
  });
  table.append(head, body);
  wrapper.append(table);
  const rowWord = part.rows.length === 1 ? "row" : "rows";
  const caption =
    part.rows.length > MAX_ROWS_SHOWN
      ? `${MAX_ROWS_SHOWN} of ${part.rows.length} rows shown`
      : `${part.rows.length} ${rowWord}`;
  wrapper.append(element("p", caption, "hint"));
  return wrapper;
}

/** Sorts by one column, numbers as numbers ("10" after "9"); clicking again reverses. */
function sortBy(table, columnIndex, th) {
  const ascending = th.getAttribute("aria-sort") !== "ascending";
  for (const other of table.querySelectorAll("th")) other.removeAttribute("aria-sort");
  th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  const body = table.tBodies[0];
  const rows = [...body.rows];
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
  rows.sort((a, b) => {
    const order = collator.compare(a.cells[columnIndex].textContent, b.cells[columnIndex].textContent);
    return ascending ? order : -order;
  });
  body.append(...rows);
}

function renderFindings(findings) {
  if (findings.length === 0) return element("p", "No problems found.", "text");
  const list = element("ul", undefined, "findings");
  for (const finding of findings) {
    const item = element("li", undefined, `finding severity-${finding.severity}`);
    const object = [finding.object.kind, finding.object.namespace, finding.object.name]
      .filter(Boolean)
      .join("/");
    const title = element("p");
    title.append(
      element("span", finding.severity, "severity"),
      " ",
      element("strong", finding.reason),
      ` ${object}`,
    );
    item.append(title, element("p", finding.message));
    if (finding.evidence.length > 0) {
      const evidence = element("ul", undefined, "evidence");
      for (const line of finding.evidence) evidence.append(element("li", line));
      item.append(evidence);
    }
    list.append(item);
  }
  return list;
}

export function renderDetails(answer, facts, calls) {
  const rows = [
    ["Planner", answer.model ? `${answer.planner} (${answer.model})` : answer.planner],
    ["Cluster", answer.cluster],
    ["Namespace", answer.namespace ?? "—"],
    ["Cached", answer.cached ? "yes" : "no"],
    ["Computed at", answer.computedAt],
    [
      "Time",
      `${answer.timings.totalMs} ms (planning ${answer.timings.planningMs}, cluster ${answer.timings.clusterMs}, LLM ${answer.timings.llmMs})`,
    ],
    ["Request id", answer.requestId],
  ];
  if (answer.tokens) rows.push(["LLM tokens", `${answer.tokens.in} in, ${answer.tokens.out} out`]);
  facts.replaceChildren(...rows.flatMap(([name, value]) => [element("dt", name), element("dd", value)]));
  calls.replaceChildren(
    ...answer.calls.map((call) => {
      const item = element("li", undefined, call.ok ? "call" : "call failed");
      item.append(element("code", `${call.tool} ${JSON.stringify(call.args)}`));
      const outcome = call.ok
        ? `ok, ${call.durationMs} ms`
        : `failed: ${call.error?.message ?? "unknown error"}`;
      item.append(element("span", ` — ${outcome}`));
      return item;
    }),
  );
  if (answer.calls.length === 0) calls.append(element("li", "No calls: nothing was read from the cluster."));
}
