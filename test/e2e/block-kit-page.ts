import { entities, mrkdwnToHtml, plainToHtml } from "./block-kit-mrkdwn.js";

/** A Block Kit message drawn as a web page, approximately as Slack's client draws it (for screenshots). */
export interface DrawnMessage {
  blocks: Record<string, unknown>[];
  /** A private reply (ephemeral or through response_url as ephemeral): "Only visible to you". */
  ephemeral?: boolean;
}

type Json = Record<string, unknown>;

function textObject(text: Json | undefined): string {
  if (!text) return "";
  return text.type === "mrkdwn" ? mrkdwnToHtml(String(text.text)) : plainToHtml(String(text.text));
}

function richText(block: Json): string {
  const inline = (elements: Json[] = []) =>
    elements
      .map((element) => {
        const style = (element.style ?? {}) as Record<string, boolean>;
        let html = element.type === "emoji" ? `:${element.name}:` : entities(String(element.text ?? ""));
        if (element.type === "link") html = `<a>${entities(String(element.text ?? element.url))}</a>`;
        if (style.code) html = `<code>${html}</code>`;
        if (style.bold) html = `<b>${html}</b>`;
        if (style.italic) html = `<i>${html}</i>`;
        return html;
      })
      .join("");
  return ((block.elements ?? []) as Json[])
    .map((element) => {
      const children = element.elements as Json[];
      if (element.type === "rich_text_preformatted") return `<pre>${inline(children)}</pre>`;
      if (element.type === "rich_text_quote") return `<div class="quote">${inline(children)}</div>`;
      if (element.type === "rich_text_list")
        return `<ul>${children.map((item) => `<li>${inline(item.elements as Json[])}</li>`).join("")}</ul>`;
      return `<div class="line">${inline(children)}</div>`;
    })
    .join("");
}

function element(item: Json): string {
  if (item.type === "button") {
    const style = item.style ? ` ${item.style}` : "";
    return `<span class="button${style}">${textObject(item.text as Json)}</span>`;
  }
  if (item.type === "static_select" || item.type === "overflow")
    return `<span class="button select">${textObject(item.placeholder as Json) || "…"} ▾</span>`;
  if (item.type === "image") return `<span class="image">[${entities(String(item.alt_text ?? ""))}]</span>`;
  return textObject(item);
}

/** Slack draws the first row as the heading; cells that do not wrap run off a narrow screen. */
function table(block: Json): string {
  const settings = (block.column_settings ?? []) as { align?: string; is_wrapped?: boolean }[];
  const rows = (block.rows ?? []) as Json[][];
  const cell = (value: Json, column: number, tag: "th" | "td") => {
    const setting = settings[column] ?? {};
    const classes = [setting.is_wrapped ? "wrap" : "nowrap", `align-${setting.align ?? "left"}`].join(" ");
    const html = value.type === "rich_text" ? richText(value) : entities(String(value.text ?? ""));
    return `<${tag} class="${classes}">${html}</${tag}>`;
  };
  const body = rows
    .map(
      (row, index) =>
        `<tr>${row.map((value, column) => cell(value, column, index ? "td" : "th")).join("")}</tr>`,
    )
    .join("");
  return `<div class="table-scroll"><table>${body}</table></div>`;
}

function block(item: Json): string {
  switch (item.type) {
    case "section": {
      const fields = (item.fields ?? []) as Json[];
      const accessory = item.accessory
        ? `<div class="accessory">${element(item.accessory as Json)}</div>`
        : "";
      const grid = fields.length
        ? `<div class="fields">${fields.map((field) => `<div>${textObject(field)}</div>`).join("")}</div>`
        : "";
      return `<div class="block section">${accessory}${textObject(item.text as Json)}${grid}</div>`;
    }
    case "header":
      return `<div class="block header">${textObject(item.text as Json)}</div>`;
    case "divider":
      return `<hr class="block">`;
    case "context":
      return `<div class="block context">${((item.elements ?? []) as Json[]).map(element).join(" ")}</div>`;
    case "actions":
      return `<div class="block actions">${((item.elements ?? []) as Json[]).map(element).join("")}</div>`;
    case "table":
      return `<div class="block">${table(item)}</div>`;
    case "rich_text":
      return `<div class="block">${richText(item)}</div>`;
    case "markdown":
      return `<div class="block">${mrkdwnToHtml(String(item.text))}</div>`;
    default:
      return `<div class="block unknown">[${entities(String(item.type))} block]</div>`;
  }
}

const STYLE = `
  body { margin: 0; font: 14px/1.46 "DejaVu Sans", "WenQuanYi Zen Hei", sans-serif; color: #1d1c1d; background: #fff; }
  .message { display: flex; gap: 8px; padding: 8px 20px 12px 20px; }
  .avatar { flex: 0 0 36px; height: 36px; border-radius: 6px; background: #326ce5; color: #fff; font-weight: 700; display: flex; align-items: center; justify-content: center; font-size: 13px; }
  .content { flex: 1; min-width: 0; }
  .who { font-weight: 900; } .who .app { font-weight: 400; font-size: 10px; background: #e8e8e8; border-radius: 2px; padding: 1px 3px; margin-left: 4px; color: #616061; }
  .who .time { font-weight: 400; font-size: 12px; color: #616061; margin-left: 6px; }
  .ephemeral { font-size: 12px; color: #616061; margin-bottom: 2px; }
  .block { margin: 4px 0; }
  .line { min-height: 1em; overflow-wrap: anywhere; }
  .quote { border-left: 4px solid #ddd; padding-left: 10px; overflow-wrap: anywhere; }
  code { font: 12px/1.5 "DejaVu Sans Mono", "WenQuanYi Zen Hei Mono", monospace; color: #c01343; background: #f6f6f6; border: 1px solid #e0e0e0; border-radius: 3px; padding: 0 3px; }
  pre { font: 12px/1.5 "DejaVu Sans Mono", "WenQuanYi Zen Hei Mono", monospace; background: #f8f8f8; border: 1px solid #e0e0e0; border-radius: 4px; padding: 8px; white-space: pre-wrap; overflow-wrap: anywhere; margin: 4px 0; }
  .header { font-size: 18px; font-weight: 900; }
  .context { font-size: 12px; color: #616061; } .context .line { display: inline; }
  .context code { font-size: 11px; }
  .fields { display: grid; grid-template-columns: 1fr 1fr; gap: 8px 16px; margin-top: 4px; }
  .accessory { float: right; margin-left: 8px; }
  .actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 8px; }
  .button { display: inline-block; border: 1px solid #bbb; border-radius: 4px; padding: 3px 12px; font-size: 13px; font-weight: 700; background: #fff; white-space: nowrap; }
  .button.primary { background: #007a5a; border-color: #007a5a; color: #fff; }
  .button.danger { color: #e01e5a; border-color: #e01e5a; }
  .mention { color: #1264a3; background: #e8f5fa; border-radius: 3px; padding: 0 2px; }
  .emoji { font-family: "DejaVu Sans"; }
  a { color: #1264a3; text-decoration: none; }
  .table-scroll { overflow-x: auto; border: 1px solid #ddd; border-radius: 6px; width: fit-content; max-width: 100%; }
  table { border-collapse: collapse; font-size: 14px; }
  th, td { border-bottom: 1px solid #eee; padding: 4px 10px; vertical-align: top; text-align: left; }
  th { background: #f8f8f8; }
  .nowrap { white-space: nowrap; } .wrap { white-space: normal; overflow-wrap: anywhere; min-width: 90px; }
  .align-right { text-align: right; } .align-center { text-align: center; }
`;

/** A whole page with the messages, one under another, in Slack's message style. */
export function blockKitPage(messages: DrawnMessage[]): string {
  const drawn = messages
    .map(
      (message) => `<div class="message"><div class="avatar">K8</div><div class="content">
        ${message.ephemeral ? '<div class="ephemeral">Only visible to you</div>' : ""}
        <div class="who">K8Helper<span class="app">APP</span><span class="time">10:42</span></div>
        ${message.blocks.map(block).join("\n")}
      </div></div>`,
    )
    .join("\n");
  return `<!doctype html><html><head><meta charset="utf-8"><style>${STYLE}</style></head><body>${drawn}</body></html>`;
}
