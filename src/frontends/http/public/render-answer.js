// Renders an Answer (see src/core/answer.ts) into the page. Text goes in through textContent only.
import { heading, toolLabel, words } from "./labels.js";

const MAX_ROWS_SHOWN = 500;
const LONG_CELL = 40;

/** Builds an element with text; never parses markup. */
export function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

/**
 * `answer` gives the language and what the tables list; `next(question)` asks the natural next question when an
 * object's name is clicked (describe it, read its logs or events).
 */
export function renderParts(answer, container, next) {
  const context = { language: answer.language, kind: listedKind(answer), namespace: answer.namespace, next };
  container.replaceChildren(...answer.parts.map((part) => renderPart(part, context)));
}

/** The kind a get_resources answer lists: its table's names are objects of that kind. */
function listedKind(answer) {
  const calls = answer.calls.filter((call) => call.tool === "get_resources" && call.ok);
  return calls.length === 1 ? calls[0].args.kind : undefined;
}

function renderPart(part, context) {
  const section = element("section", undefined, `part part-${part.type}`);
  section.append(element("h2", heading(part.title, context.language)));
  if (part.type === "table") section.append(renderTable(part, context));
  else if (part.type === "findings") section.append(renderFindings(part.findings, context));
  else if (part.type === "code") section.append(element("pre", part.code, `code code-${part.language}`));
  else section.append(element("p", part.text, "text"));
  if (part.truncated) section.append(element("p", words(context.language).cut, "hint"));
  return section;
}

/** Buttons for the next questions about one object, in the answer's language. */
function nextQuestions(object, context) {
  const label = words(context.language);
  const where = object.namespace
    ? context.language === "zh"
      ? `${object.namespace}命名空间中`
      : ` in namespace ${object.namespace}`
    : "";
  const kind = String(object.kind).toLowerCase();
  const asks =
    context.language === "zh"
      ? [
          [label.describe, `查看${where}${kind} ${object.name}的详细信息`],
          [label.events, `查看${where}${kind} ${object.name}的事件`],
        ]
      : [
          [label.describe, `describe ${kind} ${object.name}${where}`],
          [label.events, `events of ${kind} ${object.name}${where}`],
        ];
  if (kind === "pod" || kind === "pods")
    asks.splice(1, 0, [
      label.logs,
      context.language === "zh"
        ? `查看${where}pod ${object.name}的日志`
        : `logs of pod ${object.name}${where}`,
    ]);
  const row = element("span", undefined, "next-questions");
  for (const [text, question] of asks) {
    const button = element("button", text, "link next");
    button.type = "button";
    button.title = question;
    button.addEventListener("click", () => context.next(question));
    row.append(button);
  }
  return row;
}

function nameCell(name, object, context) {
  const cell = element("td", undefined, "name-cell");
  const button = element("button", name, "link object-name");
  button.type = "button";
  const kind = String(object.kind).toLowerCase();
  button.title = context.language === "zh" ? `查看${kind} ${name}的详细信息` : `describe ${kind} ${name}`;
  button.addEventListener("click", () => {
    const open = cell.querySelector(".next-questions");
    if (open) open.remove();
    else cell.append(nextQuestions(object, context));
  });
  cell.append(button);
  return cell;
}

function renderTable(part, context) {
  const wrapper = element("div", undefined, "table-wrapper");
  const table = element("table");
  table.dataset.title = part.title;
  const headRow = element("tr");
  part.columns.forEach((column, index) => {
    const th = element("th");
    th.scope = "col";
    const shown = heading(column, context.language);
    const button = element("button", shown, "sort");
    button.type = "button";
    button.title = context.language === "zh" ? `按${shown}排序` : `Sort by ${column}`;
    button.addEventListener("click", () => sortBy(table, index, th));
    th.append(button);
    headRow.append(th);
  });
  const head = element("thead");
  head.append(headRow);
  const body = element("tbody");
  const unhealthy = new Set(part.unhealthyRows ?? []);
  const namespaceColumn = part.columns.indexOf("NAMESPACE");
  const names = context.kind && part.nameColumn !== undefined && context.next;
  part.rows.slice(0, MAX_ROWS_SHOWN).forEach((row, index) => {
    const tr = element("tr", undefined, unhealthy.has(index) ? "unhealthy" : undefined);
    row.forEach((cell, column) => {
      if (names && column === part.nameColumn && cell) {
        const namespace = namespaceColumn >= 0 ? row[namespaceColumn] : context.namespace;
        tr.append(nameCell(String(cell), { kind: context.kind, name: String(cell), namespace }, context));
      } else {
        // Long text (an event's message) wraps inside its cell instead of running off the card.
        const long = typeof cell === "string" && cell.length > LONG_CELL;
        tr.append(element("td", cell === null ? "" : cell, long ? "wrap" : undefined));
      }
    });
    body.append(tr);
  });
  table.append(head, body);
  wrapper.append(table);
  const label = words(context.language);
  const caption =
    part.rows.length > MAX_ROWS_SHOWN
      ? label.shown(MAX_ROWS_SHOWN, part.rows.length)
      : `${part.rows.length} ${part.rows.length === 1 ? label.row : label.rows}`;
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

function renderFindings(findings, context) {
  if (findings.length === 0) return element("p", words(context.language).noProblems, "text");
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
    if (context.next) item.append(nextQuestions(finding.object, context));
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
      item.append(element("strong", toolLabel(call.tool, answer.language)), " ");
      item.append(element("code", `${call.tool} ${JSON.stringify(call.args)}`));
      const outcome = call.ok
        ? `ok, ${call.durationMs} ms`
        : `failed: ${call.error?.message ?? "unknown error"}`;
      item.append(element("span", ` — ${outcome}`));
      return item;
    }),
  );
  if (answer.calls.length === 0) calls.append(element("li", words(answer.language).noCalls));
}
