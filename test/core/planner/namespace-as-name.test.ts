import { describe, expect, it } from "vitest";
import { planQuestion } from "../../../src/core/planner/builtin/builtin-planner.js";
import { createKindLexicon } from "../../../src/core/planner/builtin/kind-lexicon.js";
import type { ClusterNames } from "../../../src/core/ports.js";
import { sampleNames } from "../../helpers/sample-names.js";

const lexicon = createKindLexicon([]);

/** The sample's names plus a namespace that is a prefix of two claims' names, as `data` is of data-postgres-0. */
function namesWith(namespace: string): ClusterNames {
  const names = sampleNames();
  const objects = new Map(names.objects);
  objects.set(`${namespace}-postgres-0`, ["persistentvolumeclaims"]);
  objects.set(`${namespace}-redis-0`, ["persistentvolumeclaims"]);
  return { ...names, namespaces: new Set([...names.namespaces, namespace]), objects };
}

// A namespace's name before a kind is the place, for any namespace name, even one that prefixes objects' names.
describe.each(["data", "team-a", "store", "ml"])("the %s namespace said before a kind", (namespace) => {
  const names = namesWith(namespace);
  const plan = (text: string) => planQuestion(text, lexicon, names).calls;
  it("a failing claim", () => {
    expect(plan(`is the ${namespace} PVC still failing to provision?`)).toEqual([
      { tool: "diagnose", args: { kind: "persistentvolumeclaims", namespace } },
    ]);
  });
  it("its pods' health", () => {
    expect(plan(`are the ${namespace} pods ok?`)).toEqual([
      { tool: "diagnose", args: { kind: "pods", namespace } },
    ]);
  });
  it("an object that bears the name stays that object", () => {
    const named = { ...names, objects: new Map([...names.objects, [namespace, ["deployments"]]]) };
    expect(planQuestion(`is the ${namespace} deployment ok?`, lexicon, named).calls).toEqual([
      { tool: "diagnose", args: { kind: "deployments", name: namespace } },
    ]);
  });
});

// "annotations on the shop ingress": an attribute of a kind said beside a namespace's name is that kind's object
// there (describe_resource finds the one the namespace holds); the namespace's own attributes stay the namespace's.
describe.each(["data", "team-a", "store", "ml"])("an attribute of the %s ingress", (namespace) => {
  const names = namesWith(namespace);
  const plan = (text: string) => planQuestion(text, lexicon, names).calls;
  it.each(["annotations", "labels"])("%s", (field) => {
    expect(plan(`${field} on the ${namespace} ingress`)).toEqual([
      { tool: "describe_resource", args: { kind: "ingresses", name: namespace, fields: [field] } },
    ]);
    expect(plan(`${field} of namespace ${namespace}`)).toEqual([
      { tool: "describe_resource", args: { kind: "namespaces", name: namespace, fields: [field] } },
    ]);
  });
});

// "redis 的数据有持久化到卷上吗": whether a workload's data is on a volume is its pods' claims.
describe("a workload's persisted data", () => {
  const sample = sampleNames();
  const stateful = [...sample.objects]
    .filter(([, kinds]) => kinds.includes("statefulsets"))
    .map(([name]) => name);
  it.each(
    stateful.flatMap((name) => [`${name} 的数据有持久化到卷上吗`, `is ${name} data persisted to a volume?`]),
  )("%s", (question) => {
    const name = stateful.find((each) => question.includes(each));
    expect(planQuestion(question, lexicon, sample).calls).toEqual([
      { tool: "get_resources", args: { kind: "persistentvolumes", name } },
    ]);
  });
});
