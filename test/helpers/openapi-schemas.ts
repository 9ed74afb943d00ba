/**
 * Checks a Kubernetes object against the API's OpenAPI schemas, in two steps:
 *
 * - Values: kubernetes-models' ajv-compiled validator for the object's kind (types, required fields,
 *   enums, formats such as int32 and date-time). Its schemas are Kubernetes v1.36.0's, merged with older
 *   releases' for removed APIs: a superset of v1.32's, in which no v1.32 field changed its type.
 * - Fields: every property must be one that v1.32's OpenAPI defines. The OpenAPI schemas set no
 *   `additionalProperties: false`, so a validator alone lets a misspelt field or a field of a later
 *   release through, while kube-apiserver prunes (or, with strict field validation, rejects) unknown
 *   fields and never serves them. The field lists come from the models of @kubernetes/client-node 1.1.2
 *   (installed as `client-node-k8s-1.32`), generated from the v1.32.0 OpenAPI, the version the simulator
 *   reports.
 */
import * as v132 from "client-node-k8s-1.32/dist/gen/models/all.js";

/** The Kubernetes release whose fields are allowed (what the simulator's /version reports). */
export const fieldsVersion = { major: "1", minor: "32" };

type Validator = ((data: unknown) => boolean) & {
  errors?: { instancePath: string; message?: string; params?: Record<string, unknown> }[] | null;
};
type ModelClass = (new (data: unknown) => { validate(): void }) & { kind?: string };
type Attribute = { baseName: string; type: string };
type FieldModel = { getAttributeTypeMap(): Attribute[] };

const models = new Map<string, ModelClass | undefined>();

/** kubernetes-models exports each kind from `kubernetes-models/<apiVersion>` (`v1`, `apps/v1`, …). */
async function modelOf(apiVersion: string, kind: string): Promise<ModelClass | undefined> {
  const key = `${apiVersion}/${kind}`;
  if (!models.has(key)) {
    let model: ModelClass | undefined;
    try {
      const module = (await import(/* @vite-ignore */ `kubernetes-models/${apiVersion}`)) as Record<
        string,
        unknown
      >;
      model = module[kind] as ModelClass | undefined;
    } catch {
      model = undefined;
    }
    models.set(key, model);
  }
  return models.get(key);
}

const fieldModels = v132 as unknown as Record<string, FieldModel | undefined>;

/** The client-node class of a kind: `V1Pod`, `V2HorizontalPodAutoscaler`, `CoreV1Event`, `EventsV1Event`. */
function fieldModelName(apiVersion: string, kind: string): string | undefined {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const versionName = version.charAt(0).toUpperCase() + version.slice(1);
  const groupName = (group === "" ? "core" : group.split(".")[0])
    .replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase())
    .replace(/^./, (c) => c.toUpperCase());
  return [`${versionName}${kind}`, `${groupName}${versionName}${kind}`].find(
    (name) => fieldModels[name]?.getAttributeTypeMap,
  );
}

const leafTypes = new Set([
  "string",
  "number",
  "boolean",
  "Date",
  "V1MicroTime",
  "any",
  "object",
  "IntOrString",
]);

/** Properties of `value` that the v1.32 model `type` does not define, as JSON pointers. */
function unknownFields(value: unknown, type: string, path: string, out: string[]): void {
  if (value === null || value === undefined || leafTypes.has(type)) return;
  const array = /^Array<(.+)>$/.exec(type);
  if (array) {
    if (Array.isArray(value))
      for (const [i, item] of value.entries()) unknownFields(item, array[1], `${path}/${i}`, out);
    return;
  }
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) {
    if (typeof value === "object")
      for (const [key, item] of Object.entries(value)) unknownFields(item, map[1], `${path}/${key}`, out);
    return;
  }
  const model = fieldModels[type];
  if (!model?.getAttributeTypeMap) throw new Error(`${path}: no v1.32 model named ${type}`);
  if (typeof value !== "object" || Array.isArray(value)) return; // a wrong type: the validator reports it
  const attributes = new Map(model.getAttributeTypeMap().map((a) => [a.baseName, a.type]));
  for (const [key, item] of Object.entries(value)) {
    const itemType = attributes.get(key);
    if (itemType === undefined) out.push(`${path}/${key} is not a field of ${type} in Kubernetes v1.32`);
    else unknownFields(item, itemType, `${path}/${key}`, out);
  }
}

/**
 * Where kube-apiserver itself serves what its OpenAPI forbids. events.k8s.io/v1 requires `eventTime`, but
 * an Event recorded through core/v1 without one (the kubelet's, the controllers' legacy recorder) is read
 * through events.k8s.io/v1 with `"eventTime": null`: a zero metav1.MicroTime marshals to null.
 */
const servedDespiteSchema = [
  { apiVersion: "events.k8s.io/v1", kind: "Event", path: "/eventTime", value: null },
];

function servedByKubernetes(object: Record<string, unknown>, path: string): boolean {
  return servedDespiteSchema.some(
    (e) =>
      e.apiVersion === object.apiVersion &&
      e.kind === object.kind &&
      e.path === path &&
      object[path.slice(1)] === e.value,
  );
}

export interface SchemaCheck {
  /** False when neither package has a schema for the kind (custom resources, aggregated APIs). */
  known: boolean;
  problems: string[];
}

/** Every way `object` breaks its kind's OpenAPI schema; `known: false` when no schema has that kind. */
export async function checkAgainstOpenApi(object: object): Promise<SchemaCheck> {
  const { apiVersion: rawVersion, kind: rawKind } = object as { apiVersion?: unknown; kind?: unknown };
  const apiVersion = String(rawVersion);
  const kind = String(rawKind);
  const model = await modelOf(apiVersion, kind);
  const fieldModel = fieldModelName(apiVersion, kind);
  if (!model || !fieldModel) {
    if (model || fieldModel)
      return { known: true, problems: [`${apiVersion} ${kind} is not in v1.32's API`] };
    return { known: false, problems: [] };
  }
  const problems: string[] = [];
  try {
    new model(object).validate();
  } catch (error) {
    const errors = (error as { errors?: Validator["errors"] }).errors;
    if (!errors) throw error;
    for (const e of errors) {
      if (servedByKubernetes(object as Record<string, unknown>, e.instancePath)) continue;
      const detail = e.params?.allowedValues ? ` (${(e.params.allowedValues as unknown[]).join(", ")})` : "";
      problems.push(`${e.instancePath || "/"} ${e.message}${detail}`);
    }
  }
  unknownFields(object, fieldModel, "", problems);
  return { known: true, problems };
}
