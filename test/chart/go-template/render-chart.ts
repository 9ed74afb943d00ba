/** `helm template` for the tests: merges values, validates them with the chart's JSON schema, renders every template. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { Ajv } from "ajv";
import { parseAllDocuments, parse as parseYaml } from "yaml";
import { TemplateExecutor } from "./execute.js";
import { helmFunctions } from "./helm-functions.js";
import { type Node, parseTemplate } from "./parse.js";

export interface KubeManifest {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [key: string]: unknown;
}

export interface RenderedChart {
  /** Every object, in template-file order. */
  objects: (KubeManifest & { source: string })[];
  notes: string;
  values: Record<string, unknown>;
}

export interface RenderOptions {
  values?: Record<string, unknown>;
  releaseName?: string;
  namespace?: string;
}

type Values = Record<string, unknown>;

/** Helm's coalescing: maps merge key by key, anything else replaces, null deletes. */
export function mergeValues(base: Values, override: Values): Values {
  const result: Values = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = result[key];
    if (value === null) delete result[key];
    else if (isMap(value) && isMap(current)) result[key] = mergeValues(current, value);
    else result[key] = value;
  }
  return result;
}

function isMap(value: unknown): value is Values {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function validateValues(chartDir: string, values: Values): string[] {
  const schema = JSON.parse(readFileSync(join(chartDir, "values.schema.json"), "utf8"));
  const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
  if (validate(values)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}`);
}

export function renderChart(chartDir: string, options: RenderOptions = {}): RenderedChart {
  const chart = parseYaml(readFileSync(join(chartDir, "Chart.yaml"), "utf8")) as Values;
  const defaults = parseYaml(readFileSync(join(chartDir, "values.yaml"), "utf8")) as Values;
  const values = mergeValues(defaults, options.values ?? {});
  const problems = validateValues(chartDir, values);
  if (problems.length > 0) throw new Error(`values don't meet the schema:\n${problems.join("\n")}`);

  const chartName = String(chart.name);
  const basePath = `${chartName}/templates`;
  const templatesDir = join(chartDir, "templates");
  const files = readdirSync(templatesDir).sort();
  const templates = new Map<string, Node[]>();
  for (const file of files) {
    const parsed = parseTemplate(readFileSync(join(templatesDir, file), "utf8"), file);
    templates.set(`${basePath}/${file}`, parsed.nodes);
    for (const [name, nodes] of parsed.defines) {
      if (templates.has(name)) throw new Error(`template "${name}" defined twice`);
      templates.set(name, nodes);
    }
  }
  const topLevel = {
    Values: values,
    Chart: { Name: chartName, Version: chart.version, AppVersion: chart.appVersion },
    Release: {
      Name: options.releaseName ?? "k8helper",
      Namespace: options.namespace ?? "k8helper",
      Service: "Helm",
      IsInstall: true,
    },
    Template: { BasePath: basePath, Name: "" },
    Files: { Get: (path: unknown) => readChartFile(chartDir, String(path)) },
  };
  const executor: TemplateExecutor = new TemplateExecutor(
    templates,
    helmFunctions((name, data) => executor.execute(name, data)),
  );

  const objects: RenderedChart["objects"] = [];
  let notes = "";
  for (const file of files) {
    if (file.startsWith("_")) continue;
    const output = executor.execute(`${basePath}/${file}`, {
      ...topLevel,
      Template: { BasePath: basePath, Name: file },
    });
    if (file === "NOTES.txt") {
      notes = output;
      continue;
    }
    for (const document of parseAllDocuments(output)) {
      if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0].message}\n${output}`);
      const object = document.toJS() as KubeManifest | null;
      if (object) objects.push({ ...object, source: basename(file) });
    }
  }
  return { objects, notes, values };
}

function readChartFile(chartDir: string, path: string): string {
  const full = join(chartDir, path);
  return existsSync(full) ? readFileSync(full, "utf8") : "";
}
