import type { PodTemplate } from "./revisions.js";

/** One difference between two pod templates, e.g. `container checkout: image 3.8.2 → 3.9.0`. */
export interface TemplateChange {
  /** `image`, `env`, `resources` or `other`. */
  aspect: "image" | "env" | "resources" | "other";
  text: string;
}

// Annotations the controllers write themselves: they differ between every revision and say nothing.
const NOISE = /^metadata\.labels\.pod-template-hash$|^metadata\.labels\.controller-revision-hash$/;

/** What changed from `older` to `newer`: images, env names (never values), resources, then any other field. */
export function diffTemplates(older: PodTemplate, newer: PodTemplate): TemplateChange[] {
  const changes: TemplateChange[] = [];
  const before = containersByName(older);
  const after = containersByName(newer);
  for (const name of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(name);
    const now = after.get(name);
    if (!was || !now) {
      changes.push({ aspect: "other", text: `container ${name} ${was ? "removed" : "added"}` });
      continue;
    }
    if (was.image !== now.image)
      changes.push({ aspect: "image", text: `container ${name}: image ${was.image} → ${now.image}` });
    const envBefore = envNames(was.env);
    const envAfter = envNames(now.env);
    const added = envAfter.filter((env) => !envBefore.includes(env));
    const removed = envBefore.filter((env) => !envAfter.includes(env));
    if (added.length > 0)
      changes.push({ aspect: "env", text: `container ${name}: env added ${added.join(", ")}` });
    if (removed.length > 0)
      changes.push({ aspect: "env", text: `container ${name}: env removed ${removed.join(", ")}` });
    const envValues = changedEnvSources(was.env, now.env);
    if (envValues.length > 0)
      changes.push({ aspect: "env", text: `container ${name}: env changed ${envValues.join(", ")}` });
    for (const [path, from, to] of differences(was.resources ?? {}, now.resources ?? {}, "resources"))
      changes.push({ aspect: "resources", text: `container ${name}: ${path} ${from} → ${to}` });
    const { name: _n, image: _i, env: _e, resources: _r, ...restBefore } = was;
    const { name: _n2, image: _i2, env: _e2, resources: _r2, ...restAfter } = now;
    for (const [path, from, to] of differences(restBefore, restAfter, ""))
      changes.push({ aspect: "other", text: `container ${name}: ${path} ${from} → ${to}` });
  }
  const { containers: _c, ...specBefore } = older.spec ?? {};
  const { containers: _c2, ...specAfter } = newer.spec ?? {};
  const rest = [
    ...differences(older.metadata ?? {}, newer.metadata ?? {}, "metadata"),
    ...differences(specBefore, specAfter, "spec"),
  ];
  for (const [path, from, to] of rest)
    if (!NOISE.test(path)) changes.push({ aspect: "other", text: `${path}: ${from} → ${to}` });
  return changes;
}

interface ContainerFields {
  name: string;
  image?: string;
  env?: { name: string; value?: string; valueFrom?: unknown }[];
  resources?: Record<string, unknown>;
  [key: string]: unknown;
}

function containersByName(template: PodTemplate): Map<string, ContainerFields> {
  const containers = (template.spec?.containers ?? []) as ContainerFields[];
  return new Map(containers.map((container) => [container.name, container]));
}

function envNames(env: ContainerFields["env"]): string[] {
  return (env ?? []).map((variable) => variable.name);
}

/** Env names whose value or source changed; the values themselves are never shown (they may be secrets). */
function changedEnvSources(before: ContainerFields["env"], after: ContainerFields["env"]): string[] {
  const was = new Map((before ?? []).map((variable) => [variable.name, JSON.stringify(variable)]));
  return (after ?? [])
    .filter((variable) => was.has(variable.name) && was.get(variable.name) !== JSON.stringify(variable))
    .map((variable) => variable.name);
}

/** Leaf differences as [dotted path, before, after], values shown as compact JSON or `<none>`. */
function differences(before: unknown, after: unknown, path: string): [string, string, string][] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => differences(before[key], after[key], path ? `${path}.${key}` : key));
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [[path, show(before), show(after)]];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  if (value === undefined) return "<none>";
  return typeof value === "string" ? value : JSON.stringify(value);
}
