/**
 * A parser for the subset of Go's text/template that the chart uses (Helm's template language):
 * trim markers, comments, pipelines, parentheses, variables, if/else if/else, range, with, define,
 * template. Test-only: no helm binary exists here, and no maintained npm package renders Helm charts.
 */

export type Expr =
  | { type: "field"; base: Expr | "dot"; path: string[] }
  | { type: "variable"; name: string }
  | { type: "literal"; value: unknown }
  | { type: "function"; name: string }
  | { type: "pipeline"; pipeline: Pipeline };

export interface Pipeline {
  /** `$a := …`, `$a = …`, `$i, $v := range …`. */
  variables?: string[];
  assign?: boolean;
  commands: Expr[][];
}

export type Node =
  | { type: "text"; text: string }
  | { type: "action"; pipeline: Pipeline }
  | { type: "if"; branches: { condition: Pipeline; body: Node[] }[]; otherwise?: Node[] }
  | ({ type: "range" } & Block)
  | ({ type: "with" } & Block)
  | { type: "template"; name: string; pipeline?: Pipeline };

export interface Block {
  pipeline: Pipeline;
  body: Node[];
  otherwise?: Node[];
}

export interface ParsedTemplate {
  nodes: Node[];
  defines: Map<string, Node[]>;
}

type Item = { kind: "text"; text: string } | { kind: "action"; source: string };

/** Splits the source into text and actions, applying `{{-` and `-}}` and dropping comments. */
function scan(source: string, file: string): Item[] {
  const items: Item[] = [];
  let rest = source;
  let trimNext = false;
  while (rest.length > 0) {
    const open = rest.indexOf("{{");
    let text = open === -1 ? rest : rest.slice(0, open);
    if (trimNext) text = text.replace(/^\s+/, "");
    if (open === -1) {
      items.push({ kind: "text", text });
      break;
    }
    const trimLeft = /^\{\{-\s/.test(rest.slice(open));
    if (trimLeft) text = text.replace(/\s+$/, "");
    items.push({ kind: "text", text });
    const close = findClose(rest, open + 2, file);
    let inner = rest.slice(open + 2, close);
    if (trimLeft) inner = inner.slice(1);
    trimNext = /\s-$/.test(inner);
    if (trimNext) inner = inner.slice(0, -1);
    inner = inner.trim();
    if (!(inner.startsWith("/*") && inner.endsWith("*/"))) items.push({ kind: "action", source: inner });
    rest = rest.slice(close + 2);
  }
  return items;
}

/** The `}}` that closes an action, skipping string literals. */
function findClose(source: string, from: number, file: string): number {
  for (let i = from; i < source.length; i++) {
    const c = source[i];
    if (c === '"' || c === "`") {
      const end = c === "`" ? source.indexOf("`", i + 1) : closingQuote(source, i);
      if (end === -1) throw new Error(`${file}: unterminated string`);
      i = end;
    } else if (c === "}" && source[i + 1] === "}") return i;
  }
  throw new Error(`${file}: unclosed action`);
}

function closingQuote(source: string, start: number): number {
  for (let i = start + 1; i < source.length; i++) {
    if (source[i] === "\\") i++;
    else if (source[i] === '"') return i;
  }
  return -1;
}

interface Token {
  kind: "string" | "number" | "word" | "field" | "variable" | "punct";
  text: string;
  /** True when no space separates it from the previous token (`(x).field`). */
  adjacent: boolean;
}

const TOKEN =
  /\s*("(?:\\.|[^"\\])*"|`[^`]*`|-?\d+(?:\.\d+)?|\$[A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*|(?:\.[A-Za-z0-9_]+)+|\.|:=|[()|,=]|[A-Za-z_][A-Za-z0-9_]*)/y;

function tokenize(source: string, file: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(source);
    if (!match) throw new Error(`${file}: cannot read action near "${source.slice(start)}"`);
    const text = match[1];
    const adjacent = match[0].length === text.length && tokens.length > 0;
    const kind = /^["`]/.test(text)
      ? "string"
      : /^-?\d/.test(text)
        ? "number"
        : text.startsWith("$")
          ? "variable"
          : text.startsWith(".")
            ? "field"
            : /^[A-Za-z_]/.test(text)
              ? "word"
              : "punct";
    tokens.push({ kind, text, adjacent });
    if (/^\s*$/.test(source.slice(TOKEN.lastIndex))) break;
  }
  return tokens;
}

function parsePipeline(tokens: Token[], file: string): Pipeline {
  let position = 0;
  const pipeline: Pipeline = { commands: [] };
  const declaration = tokens.findIndex((t) => t.text === ":=" || t.text === "=");
  if (declaration > 0 && tokens.slice(0, declaration).every((t) => t.kind === "variable" || t.text === ",")) {
    pipeline.variables = tokens.slice(0, declaration).flatMap((t) => (t.kind === "variable" ? [t.text] : []));
    pipeline.assign = tokens[declaration].text === "=";
    position = declaration + 1;
  }
  const parseCommands = (): Expr[][] => {
    const commands: Expr[][] = [[]];
    while (position < tokens.length) {
      const token = tokens[position++];
      if (token.text === ")") return commands;
      if (token.text === "|") commands.push([]);
      else commands[commands.length - 1].push(operand(token));
    }
    return commands;
  };
  const operand = (token: Token): Expr => {
    let expr: Expr;
    if (token.text === "(") expr = { type: "pipeline", pipeline: { commands: parseCommands() } };
    else if (token.kind === "string") {
      expr = {
        type: "literal",
        value: token.text.startsWith("`") ? token.text.slice(1, -1) : JSON.parse(token.text),
      };
    } else if (token.kind === "number") expr = { type: "literal", value: Number(token.text) };
    else if (token.kind === "field")
      expr = { type: "field", base: "dot", path: token.text.split(".").slice(1).filter(Boolean) };
    else if (token.kind === "variable") {
      const [name, ...path] = token.text.split(".");
      const variable: Expr = { type: "variable", name };
      expr = path.length > 0 ? { type: "field", base: variable, path } : variable;
    } else if (token.text === "true" || token.text === "false")
      expr = { type: "literal", value: token.text === "true" };
    else if (token.text === "nil") expr = { type: "literal", value: null };
    else if (token.kind === "word") expr = { type: "function", name: token.text };
    else throw new Error(`${file}: unexpected "${token.text}"`);
    const next = tokens[position];
    if (token.text === "(" && next?.kind === "field" && next.adjacent) {
      position++;
      expr = { type: "field", base: expr, path: next.text.split(".").slice(1) };
    }
    return expr;
  };
  pipeline.commands = parseCommands();
  return pipeline;
}

const KEYWORD = /^(if|else if|else|end|range|with|define|template|block)\b\s*/;

/** Parses a template file into its nodes and the named templates it defines. */
export function parseTemplate(source: string, file: string): ParsedTemplate {
  const items = scan(source, file);
  const defines = new Map<string, Node[]>();
  let index = 0;
  const pipelineOf = (text: string) => parsePipeline(tokenize(text, file), file);

  const parseUntil = (terminators: string[]): { nodes: Node[]; stop: string; rest: string } => {
    const nodes: Node[] = [];
    while (index < items.length) {
      const item = items[index++];
      if (item.kind === "text") {
        if (item.text) nodes.push({ type: "text", text: item.text });
        continue;
      }
      const keyword = KEYWORD.exec(item.source)?.[1];
      const rest = keyword ? item.source.slice(KEYWORD.exec(item.source)![0].length) : item.source;
      if (keyword && terminators.includes(keyword)) return { nodes, stop: keyword, rest };
      if (keyword === "if") nodes.push(parseIf(rest));
      else if (keyword === "range" || keyword === "with") {
        const body = parseUntil(["else", "end"]);
        const otherwise = body.stop === "else" ? parseUntil(["end"]).nodes : undefined;
        const block: Block = { pipeline: pipelineOf(rest), body: body.nodes, otherwise };
        nodes.push(keyword === "range" ? { type: "range", ...block } : { type: "with", ...block });
      } else if (keyword === "define") defines.set(JSON.parse(rest), parseUntil(["end"]).nodes);
      else if (keyword === "template") {
        const [, name, argument] = /^("(?:\\.|[^"\\])*")\s*(.*)$/.exec(rest) ?? [];
        nodes.push({
          type: "template",
          name: JSON.parse(name),
          pipeline: argument ? pipelineOf(argument) : undefined,
        });
      } else if (keyword) throw new Error(`${file}: unexpected {{ ${keyword} }}`);
      else nodes.push({ type: "action", pipeline: pipelineOf(rest) });
    }
    if (terminators.length > 0) throw new Error(`${file}: missing {{ end }}`);
    return { nodes, stop: "", rest: "" };
  };

  const parseIf = (condition: string): Node => {
    const branches: { condition: Pipeline; body: Node[] }[] = [];
    let current = condition;
    for (;;) {
      const body = parseUntil(["else if", "else", "end"]);
      branches.push({ condition: pipelineOf(current), body: body.nodes });
      if (body.stop === "end") return { type: "if", branches };
      if (body.stop === "else") return { type: "if", branches, otherwise: parseUntil(["end"]).nodes };
      current = body.rest;
    }
  };

  return { nodes: parseUntil([]).nodes, defines };
}
