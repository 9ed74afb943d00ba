/** Executes parsed templates with Go's semantics for truth, scoping and printing (Helm's missing values print as ""). */
import type { Block, Expr, Node, Pipeline } from "./parse.js";

export type TemplateFunction = (...args: unknown[]) => unknown;

interface Scope {
  variables: Map<string, unknown>;
  parent?: Scope;
}

export function isTruthy(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === "") return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === "object") return Object.keys(value).length > 0;
  return true;
}

/** Go's fmt %v for the values YAML produces. */
export function printValue(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return `[${value.map(printValue).join(" ")}]`;
  if (typeof value === "object") {
    const entries = Object.keys(value).sort();
    return `map[${entries.map((k) => `${k}:${printValue((value as Record<string, unknown>)[k])}`).join(" ")}]`;
  }
  return String(value);
}

export class TemplateExecutor {
  constructor(
    private readonly templates: Map<string, Node[]>,
    private readonly functions: Record<string, TemplateFunction>,
  ) {}

  /** Renders a named template with `.` and `$` set to `data` (Helm's `include`). */
  execute(name: string, data: unknown): string {
    const nodes = this.templates.get(name);
    if (!nodes) throw new Error(`no template "${name}"`);
    return this.nodes(nodes, data, { variables: new Map([["$", data]]) });
  }

  private nodes(nodes: Node[], dot: unknown, scope: Scope): string {
    let output = "";
    for (const node of nodes) output += this.node(node, dot, scope);
    return output;
  }

  private node(node: Node, dot: unknown, scope: Scope): string {
    switch (node.type) {
      case "text":
        return node.text;
      case "action": {
        const value = this.pipeline(node.pipeline, dot, scope);
        return node.pipeline.variables ? "" : printValue(value);
      }
      case "if": {
        for (const branch of node.branches) {
          const inner = child(scope);
          if (isTruthy(this.pipeline(branch.condition, dot, inner)))
            return this.nodes(branch.body, dot, inner);
        }
        return node.otherwise ? this.nodes(node.otherwise, dot, child(scope)) : "";
      }
      case "with": {
        const inner = child(scope);
        const value = this.pipeline(node.pipeline, dot, inner);
        if (isTruthy(value)) return this.nodes(node.body, value, inner);
        return node.otherwise ? this.nodes(node.otherwise, dot, child(scope)) : "";
      }
      case "range":
        return this.range(node, dot, scope);
      case "template":
        return this.execute(node.name, node.pipeline ? this.pipeline(node.pipeline, dot, scope) : undefined);
    }
  }

  private range(node: Block, dot: unknown, scope: Scope): string {
    const variables = node.pipeline.variables ?? [];
    const collection = this.pipeline({ commands: node.pipeline.commands }, dot, scope);
    const entries: [unknown, unknown][] = Array.isArray(collection)
      ? collection.map((value, index) => [index, value])
      : collection && typeof collection === "object"
        ? Object.keys(collection)
            .sort()
            .map((key) => [key, (collection as Record<string, unknown>)[key]])
        : typeof collection === "number"
          ? Array.from({ length: collection }, (_, index) => [index, index])
          : [];
    if (
      collection !== undefined &&
      collection !== null &&
      typeof collection !== "object" &&
      typeof collection !== "number"
    ) {
      throw new Error(`range can't iterate over ${printValue(collection)}`);
    }
    if (entries.length === 0) return node.otherwise ? this.nodes(node.otherwise, dot, child(scope)) : "";
    let output = "";
    for (const [key, value] of entries) {
      const inner = child(scope);
      if (variables.length === 1) inner.variables.set(variables[0], value);
      if (variables.length === 2) {
        inner.variables.set(variables[0], key);
        inner.variables.set(variables[1], value);
      }
      output += this.nodes(node.body, value, inner);
    }
    return output;
  }

  private pipeline(pipeline: Pipeline, dot: unknown, scope: Scope): unknown {
    let value: unknown;
    pipeline.commands.forEach((command, index) => {
      value = this.command(command, dot, scope, index > 0 ? { value } : undefined);
    });
    for (const name of pipeline.variables ?? []) {
      if (pipeline.assign) setVariable(scope, name, value);
      else scope.variables.set(name, value);
    }
    return value;
  }

  private command(command: Expr[], dot: unknown, scope: Scope, piped?: { value: unknown }): unknown {
    const [head, ...rest] = command;
    if (!head) throw new Error("empty command");
    const args = () => [...rest.map((arg) => this.expr(arg, dot, scope)), ...(piped ? [piped.value] : [])];
    if (head.type === "function") {
      const fn = this.functions[head.name];
      if (!fn) throw new Error(`function "${head.name}" not defined`);
      return fn(...args());
    }
    const value = this.expr(head, dot, scope);
    if (typeof value === "function") return value(...args());
    if (rest.length > 0 || piped)
      throw new Error(`can't give arguments to a non-function (${printValue(value)})`);
    return value;
  }

  private expr(expr: Expr, dot: unknown, scope: Scope): unknown {
    switch (expr.type) {
      case "literal":
        return expr.value;
      case "function": {
        const fn = this.functions[expr.name];
        if (!fn) throw new Error(`function "${expr.name}" not defined`);
        return fn();
      }
      case "variable":
        return lookupVariable(scope, expr.name);
      case "pipeline":
        return this.pipeline(expr.pipeline, dot, scope);
      case "field": {
        let value = expr.base === "dot" ? dot : this.expr(expr.base, dot, scope);
        for (const key of expr.path) {
          if (value === undefined || value === null)
            throw new Error(`nil pointer evaluating interface {}.${key}`);
          value = (value as Record<string, unknown>)[key];
        }
        return value;
      }
    }
  }
}

function child(scope: Scope): Scope {
  return { variables: new Map(), parent: scope };
}

function lookupVariable(scope: Scope, name: string): unknown {
  for (let s: Scope | undefined = scope; s; s = s.parent)
    if (s.variables.has(name)) return s.variables.get(name);
  throw new Error(`undefined variable "${name}"`);
}

function setVariable(scope: Scope, name: string, value: unknown): void {
  for (let s: Scope | undefined = scope; s; s = s.parent) {
    if (s.variables.has(name)) {
      s.variables.set(name, value);
      return;
    }
  }
  throw new Error(`undefined variable "${name}"`);
}
