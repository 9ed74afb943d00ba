import { describe, expect, it } from "vitest";
import { planQuestion } from "../../../src/core/planner/builtin/builtin-planner.js";
import { createKindLexicon } from "../../../src/core/planner/builtin/kind-lexicon.js";
import { sampleNames } from "../../helpers/sample-names.js";

// Attributes kubectl describe prints that have no `fields` value, and bare "resources", over every sample object.
const lexicon = createKindLexicon([]);
const names = sampleNames();
const plan = (text: string) => planQuestion(text, lexicon, names).calls;
const onlyKind = (kind: string) =>
  [...names.objects]
    .filter(([name, kinds]) => kinds.length === 1 && kinds[0] === kind && !names.namespaces.has(name))
    .map(([name]) => name);
const withKind = (kind: string) =>
  [...names.objects]
    .filter(([name, kinds]) => kinds.includes(kind) && !names.namespaces.has(name) && !names.nodes.has(name))
    .map(([name]) => name);
const described = (kind: string, name: string, fields?: string[]) => [
  { tool: "describe_resource", args: { kind, name, ...(fields ? { fields } : {}) } },
];

describe("kubectl describe's own lines, asked of one object", () => {
  it.each(onlyKind("deployments"))("a workload's command and args: %s", (deployment) => {
    for (const question of [
      `${deployment} args`,
      `what command does ${deployment} run`,
      `${deployment} 的启动参数`,
    ]) {
      expect(plan(question), question).toEqual(described("deployments", deployment));
    }
  });

  it.each(withKind("deployments"))("a QoS class is its pod's: %s", (deployment) => {
    for (const question of [`qos class of the ${deployment} pod`, `${deployment} pod 的 QoS 等级`]) {
      expect(plan(question), question).toEqual(described("pods", deployment));
    }
  });

  it.each(onlyKind("jobs"))("a Job's restart policy: %s", (job) => {
    for (const question of [`restart policy of ${job}`, `${job} 的重启策略是什么`]) {
      expect(plan(question), question).toEqual(described("jobs", job));
    }
  });

  it.each(withKind("configmaps"))("a ConfigMap's data: %s", (configmap) => {
    expect(plan(`show me the ${configmap} configmap`)).toEqual(described("configmaps", configmap));
    expect(plan(`${configmap} 里面是什么内容`)).toEqual(described("configmaps", configmap));
    // kubectl get asks for the row.
    expect(plan(`get configmap ${configmap}`)[0]?.tool).toBe("get_resources");
  });

  it.each(onlyKind("deployments"))(
    "bare 'resources' of an object are its requests and limits: %s",
    (name) => {
      for (const question of [`${name} resources`, `${name} 的资源`]) {
        expect(plan(question), question).toEqual(described("deployments", name, ["resources"]));
      }
    },
  );

  it.each(withKind("services").filter((name) => names.objects.get(name)?.includes("deployments")))(
    "a port a container exposes is the workload's, not the Service's: %s",
    (name) => {
      expect(plan(`which container in ${name} exposes 9901`)).toEqual(
        described("deployments", name, ["ports"]),
      );
      expect(plan(`${name} 哪个容器暴露了 8080 端口`)).toEqual(described("deployments", name, ["ports"]));
    },
  );
});
