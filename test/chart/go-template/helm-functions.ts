/** The Go template built-ins and the Helm/Sprig functions the chart uses, with their argument order. */
import { createHash } from "node:crypto";
import { parse, stringify } from "yaml";
import { isTruthy, printValue, type TemplateFunction } from "./execute.js";

const text = (value: unknown): string => printValue(value);

function compare(a: unknown, b: unknown): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  throw new Error(`incompatible types for comparison: ${typeof a} and ${typeof b}`);
}

function goQuote(value: string): string {
  return JSON.stringify(value).replace(/\\u007f/g, "\\x7f");
}

function printf(format: string, ...args: unknown[]): string {
  let next = 0;
  return format.replace(/%([sdvq%])/g, (_, verb: string) => {
    if (verb === "%") return "%";
    const value = args[next++];
    if (verb === "d") return String(Math.trunc(Number(value)));
    if (verb === "q") return goQuote(text(value));
    return text(value);
  });
}

export function helmFunctions(
  include: (name: string, data: unknown) => string,
): Record<string, TemplateFunction> {
  return {
    // Go's built-ins
    and: (...args) => args.find((arg) => !isTruthy(arg)) ?? args[args.length - 1],
    or: (...args) => args.find((arg) => isTruthy(arg)) ?? args[args.length - 1],
    not: (value) => !isTruthy(value),
    eq: (a, ...rest) => rest.some((b) => a === b),
    ne: (a, b) => a !== b,
    lt: (a, b) => compare(a, b) < 0,
    le: (a, b) => compare(a, b) <= 0,
    gt: (a, b) => compare(a, b) > 0,
    ge: (a, b) => compare(a, b) >= 0,
    len: (value) =>
      typeof value === "string" || Array.isArray(value) ? value.length : Object.keys(value ?? {}).length,
    print: (...args) => args.map(text).join(""),
    printf: (format, ...args) => printf(String(format), ...args),
    // Helm
    include: (name, data) => include(String(name), data),
    required: (message, value) => {
      if (value === undefined || value === null || value === "") throw new Error(String(message));
      return value;
    },
    fail: (message) => {
      throw new Error(String(message));
    },
    toYaml: (value) => stringify(value ?? null, { lineWidth: 0 }).replace(/\n$/, ""),
    fromYaml: (source) => {
      try {
        const parsed: unknown = parse(String(source));
        if (parsed === null || parsed === undefined) return {};
        if (typeof parsed !== "object" || Array.isArray(parsed))
          return { Error: "cannot unmarshal into a map" };
        return parsed;
      } catch (error) {
        return { Error: (error as Error).message };
      }
    },
    fromYamlArray: (source) => {
      try {
        const parsed: unknown = parse(String(source));
        return Array.isArray(parsed) ? parsed : [`cannot unmarshal ${typeof parsed} into an array`];
      } catch (error) {
        return [(error as Error).message];
      }
    },
    // Sprig
    default: (fallback, value) => (isTruthy(value) ? value : fallback),
    empty: (value) => !isTruthy(value),
    quote: (...args) =>
      args
        .filter((arg) => arg !== undefined && arg !== null)
        .map((arg) => goQuote(text(arg)))
        .join(" "),
    indent: (spaces, value) => indent(Number(spaces), text(value)),
    nindent: (spaces, value) => `\n${indent(Number(spaces), text(value))}`,
    trunc: (length, value) => text(value).slice(0, Number(length)),
    trimSuffix: (suffix, value) => {
      const s = text(value);
      return s.endsWith(String(suffix)) ? s.slice(0, s.length - String(suffix).length) : s;
    },
    replace: (from, to, value) => text(value).split(String(from)).join(String(to)),
    contains: (part, value) => text(value).includes(String(part)),
    lower: (value) => text(value).toLowerCase(),
    int: (value) => Math.trunc(Number(value ?? 0)),
    mul: (...values) => values.reduce<number>((product, value) => product * Math.trunc(Number(value)), 1),
    div: (a, b) => Math.trunc(Math.trunc(Number(a)) / Math.trunc(Number(b))),
    toString: (value: unknown) => text(value),
    sha256sum: (value) => createHash("sha256").update(text(value)).digest("hex"),
    b64enc: (value) => Buffer.from(text(value)).toString("base64"),
    list: (...items) => items,
    append: (items, item) => [...((items as unknown[] | null) ?? []), item],
    first: (items) => (items as unknown[] | null)?.[0],
    has: (needle, items) => ((items as unknown[] | null) ?? []).includes(needle),
    join: (separator, items) => ((items as unknown[] | null) ?? []).map(text).join(String(separator)),
    splitList: (separator, value) => text(value).split(String(separator)),
    dict: (...pairs) => {
      const result: Record<string, unknown> = {};
      for (let i = 0; i + 1 < pairs.length; i += 2) result[String(pairs[i])] = pairs[i + 1];
      return result;
    },
  };
}

function indent(spaces: number, value: string): string {
  const pad = " ".repeat(spaces);
  return pad + value.replace(/\n/g, `\n${pad}`);
}
