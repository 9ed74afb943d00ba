/**
 * Issue 16 §1: every object the simulated cluster serves, and every object the Helm chart renders, meets
 * the Kubernetes OpenAPI schemas of the release the simulator reports (v1.32): value types, required
 * fields, enums and formats (kubernetes-models), and no field v1.32 does not define (see
 * test/helpers/openapi-schemas.ts).
 */
import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import type { KubeObject } from "../../src/core/ports.js";
import {
  demoCustomResourceRules,
  type SimulatedCluster,
  startSimulatedCluster,
} from "../../src/demo/cluster-server.js";
import { builtinTypes, typeKey } from "../../src/demo/resource-types.js";
import { buildSampleCluster } from "../../src/demo/sample-data.js";
import { renderChart } from "../chart/go-template/render-chart.js";
import { checkAgainstOpenApi, fieldsVersion } from "../helpers/openapi-schemas.js";
import { rawRequest } from "./raw-request.js";

const CHART = "chart/k8helper";

/**
 * Served types that no Kubernetes OpenAPI document describes, so they are not checked:
 * the demo's own custom resource, and the metrics API that metrics-server serves through the aggregator
 * (kube-apiserver's OpenAPI does not include it).
 */
const notInKubernetesOpenApi = new Set([
  "widgets.example.com",
  "nodes.metrics.k8s.io",
  "pods.metrics.k8s.io",
]);
const unchecked = new Set([
  "example.com/v1 Widget",
  "metrics.k8s.io/v1beta1 NodeMetrics",
  "metrics.k8s.io/v1beta1 PodMetrics",
]);

type Named = { apiVersion?: unknown; kind?: unknown; metadata?: { name?: string; namespace?: string } };

function label(object: object): string {
  const { apiVersion, kind, metadata } = object as Named;
  const { namespace, name } = metadata ?? {};
  return `${apiVersion} ${kind} ${namespace ? `${namespace}/` : ""}${name}`;
}

/** `label: problem` for each violation; kinds without a schema must be among `allowedUnknown`. */
async function violations(objects: object[], allowedUnknown: Set<string>): Promise<string[]> {
  const found: string[] = [];
  for (const object of objects) {
    const { known, problems } = await checkAgainstOpenApi(object);
    const { apiVersion, kind } = object as Named;
    if (!known && !allowedUnknown.has(`${apiVersion} ${kind}`))
      found.push(`${label(object)}: no OpenAPI schema for this kind`);
    for (const problem of problems) found.push(`${label(object)}: ${problem}`);
  }
  return found;
}

describe("the validator itself", () => {
  const pod = (): Record<string, unknown> & { spec: { containers: Record<string, unknown>[] } } => ({
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "web-0", namespace: "shop" },
    spec: { containers: [{ name: "web", image: "nginx:1.27", ports: [{ containerPort: 8080 }] }] },
    status: { phase: "Running" },
  });

  it("accepts a valid pod", async () => {
    expect(await checkAgainstOpenApi(pod())).toEqual({ known: true, problems: [] });
  });

  it("catches a wrong type, a missing required field and a value outside an enum", async () => {
    const wrongType = pod();
    wrongType.spec.containers[0].ports = [{ containerPort: "8080" }];
    expect((await checkAgainstOpenApi(wrongType)).problems).toEqual([
      "/spec/containers/0/ports/0/containerPort must be integer",
    ]);

    const noName = pod();
    delete noName.spec.containers[0].name;
    expect((await checkAgainstOpenApi(noName)).problems).toEqual([
      "/spec/containers/0 must have required property name",
    ]);

    const badPhase = { ...pod(), status: { phase: "Healthy" } };
    expect((await checkAgainstOpenApi(badPhase)).problems).toEqual([
      "/status/phase must be equal to one of the allowed values (Failed, Pending, Running, Succeeded, Unknown)",
    ]);
  });

  it("catches a misspelt field and a field Kubernetes added after v1.32", async () => {
    const misspelt = pod();
    misspelt.spec.containers[0].imagePullpolicy = "Always";
    expect((await checkAgainstOpenApi(misspelt)).problems).toEqual([
      "/spec/containers/0/imagePullpolicy is not a field of V1Container in Kubernetes v1.32",
    ]);
    // spec.hostnameOverride came in v1.34: the v1.36 schemas accept it, a v1.32 server prunes it.
    const later = { ...pod(), spec: { ...pod().spec, hostnameOverride: "web" } };
    expect((await checkAgainstOpenApi(later)).problems).toEqual([
      "/spec/hostnameOverride is not a field of V1PodSpec in Kubernetes v1.32",
    ]);
  });

  it("knows kinds by group (core and events.k8s.io Events) and not custom resources", async () => {
    const event = { apiVersion: "events.k8s.io/v1", kind: "Event", metadata: { name: "e" }, eventTime: null };
    // Required by the schema, yet null in what kube-apiserver serves for an event recorded through core/v1.
    expect(await checkAgainstOpenApi(event)).toEqual({ known: true, problems: [] });
    expect((await checkAgainstOpenApi({ ...event, eventTime: 1_700_000_000 })).problems).toEqual([
      "/eventTime must be string",
    ]);
    const { eventTime: _eventTime, ...withoutTime } = event;
    expect((await checkAgainstOpenApi(withoutTime)).problems).toEqual([
      "/ must have required property eventTime",
    ]);
    // A core Event's `involvedObject` is not a field of events.k8s.io's, whose `regarding` it is.
    expect((await checkAgainstOpenApi({ ...event, involvedObject: { kind: "Pod" } })).problems).toEqual([
      "/involvedObject is not a field of EventsV1Event in Kubernetes v1.32",
    ]);
    expect(await checkAgainstOpenApi({ apiVersion: "example.com/v1", kind: "Widget" })).toEqual({
      known: false,
      problems: [],
    });
  });

  it("fails a list of objects with one bad object among good ones", async () => {
    const bad = pod();
    bad.spec.containers[0].ports = [{ containerPort: "8080" }];
    expect(await violations([pod(), bad, pod()], new Set())).toEqual([
      "v1 Pod shop/web-0: /spec/containers/0/ports/0/containerPort must be integer",
    ]);
  });
});

describe("the sample cluster's objects", () => {
  it.each([1, 2, 3, 7, 42])(
    "seed %i, with 50 generated pods: every object meets its kind's schema",
    async (seed) => {
      const { objects } = buildSampleCluster({ seed, now: 0, pods: 50 });
      expect(objects.length).toBeGreaterThan(300);
      expect(await violations(objects, unchecked)).toEqual([]);
    },
  );
});

describe("every object the simulator serves, read through its API", () => {
  let cluster: SimulatedCluster;

  beforeAll(async () => {
    // Probed on purpose: this test also lists Secrets, which K8Helper itself never reads.
    cluster = await startSimulatedCluster({
      seed: 1,
      probedOnPurpose: true,
      extraReadRules: [
        ...demoCustomResourceRules,
        { apiGroups: [""], resources: ["secrets"], verbs: ["get", "list"] },
      ],
    });
  });

  afterAll(async () => {
    await cluster?.close();
  });

  async function get(path: string) {
    const response = await rawRequest(cluster.kubeconfigPath, path);
    expect(response.status, `${path}: ${response.text.slice(0, 300)}`).toBe(200);
    return response.json();
  }

  it("reports the release whose fields the check allows", async () => {
    const version = await get("/version");
    expect({ major: version.major, minor: version.minor }).toEqual(fieldsVersion);
  });

  it("lists every type discovery offers for all namespaces; each item meets its kind's schema", async () => {
    const groupVersions: string[] = (await get("/api")).versions;
    for (const group of (await get("/apis")).groups as { versions: { groupVersion: string }[] }[])
      groupVersions.push(...group.versions.map((v) => v.groupVersion));

    const checked = new Map<string, number>();
    const skipped: string[] = [];
    const problems: string[] = [];
    for (const groupVersion of groupVersions) {
      const base = groupVersion.includes("/") ? `/apis/${groupVersion}` : `/api/${groupVersion}`;
      const group = groupVersion.includes("/") ? groupVersion.split("/")[0] : "";
      const { resources } = await get(base);
      for (const resource of resources as { name: string; kind: string; verbs: string[] }[]) {
        if (resource.name.includes("/") || !resource.verbs.includes("list")) continue;
        const key = group === "" ? resource.name : `${resource.name}.${group}`;
        if (notInKubernetesOpenApi.has(key)) {
          skipped.push(key);
          continue;
        }
        const list = await get(`${base}/${resource.name}`);
        expect(list.kind, key).toBe(`${resource.kind}List`);
        // List items of built-in types carry no kind/apiVersion, as kube-apiserver sends them.
        const items = (list.items as KubeObject[]).map((item) => ({
          ...item,
          apiVersion: groupVersion,
          kind: resource.kind,
        }));
        checked.set(key, items.length);
        problems.push(...(await violations(items, new Set())));
      }
    }
    expect(problems).toEqual([]);
    expect(skipped.sort()).toEqual([...notInKubernetesOpenApi].sort());
    // Every sample object of a built-in type was read, and events through both APIs.
    const sample = new Map<string, number>();
    for (const object of buildSampleCluster({ seed: 1 }).objects) {
      const type = builtinTypes.forKind(String(object.apiVersion), String(object.kind));
      if (type && !notInKubernetesOpenApi.has(typeKey(type)))
        sample.set(typeKey(type), (sample.get(typeKey(type)) ?? 0) + 1);
    }
    sample.set("events.events.k8s.io", sample.get("events") ?? 0);
    expect(new Map([...checked].filter(([, n]) => n > 0))).toEqual(sample);
    expect(sample.size).toBeGreaterThan(20);
  });
});

describe("the Helm chart's rendered objects", () => {
  const everything = parseYaml(readFileSync("test/chart/values/everything.yaml", "utf8"));

  it.each([
    ["the default values", {}, 7],
    ["test/chart/values/everything.yaml (every optional part on)", everything, 13],
  ])("%s: every object meets its kind's schema", async (_name, values, count) => {
    const { objects } = renderChart(CHART, { namespace: "ops", values });
    expect(objects).toHaveLength(count);
    // `source` is the template file the test renderer notes, not part of the object.
    const rendered = objects.map(({ source: _source, ...object }) => object);
    expect(await violations(rendered, new Set())).toEqual([]);
  });

  it("between them the two renders use every template, so each is checked", () => {
    const sources = new Set(
      [{}, everything].flatMap((values) =>
        renderChart(CHART, { namespace: "ops", values }).objects.map((o) => o.source),
      ),
    );
    const templates = readdirSync(`${CHART}/templates`).filter((file) => file.endsWith(".yaml"));
    expect([...sources].sort()).toEqual(templates.sort());
  });
});
