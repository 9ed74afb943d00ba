import { describe, expect, it } from "vitest";
import { planQuestion } from "../../../src/core/planner/builtin/builtin-planner.js";
import { createKindLexicon } from "../../../src/core/planner/builtin/kind-lexicon.js";
import { sampleNames } from "../../helpers/sample-names.js";

// Issue 14 §1: one attribute of one object, where the grammar alone read nothing or the wrong kind. The subject and
// its kind come from the cluster's names, so every case is generated over the sample cluster's names.
const lexicon = createKindLexicon([]);
const names = sampleNames();
const plan = (text: string) => planQuestion(text, lexicon, names).calls;
const describeCall = (kind: string, name: string, fields: string[]) => [
  { tool: "describe_resource", args: { kind, name, fields } },
];
const withKind = (kind: string) =>
  [...names.objects].filter(([, kinds]) => kinds.includes(kind)).map(([name]) => name);

describe("attribute questions about a name the cluster knows", () => {
  const nodes = [...names.nodes];
  it.each(
    nodes.flatMap((node) => [
      [`taints on ${node}`, node, ["taints"]],
      [`IP of ${node}`, node, ["ip"]],
      [`what zone is ${node} in`, node, ["labels"]],
      [`how much memory does ${node} have`, node, ["resources"]],
      [`${node} 的污点`, node, ["taints"]],
    ]),
  )("a node's attribute: %s", (question, node, fields) => {
    expect(plan(question as string)).toEqual(describeCall("nodes", node as string, fields as string[]));
  });

  it.each(
    nodes
      .filter((node) => node.split("-").length >= 3)
      .map((node) => [node, node.split("-").slice(-2).join(" ")] as const)
      .filter(
        ([, words]) => [...names.nodes].filter((n) => n.endsWith(`-${words.replace(" ", "-")}`)).length === 1,
      ),
  )("a node named by its last words (%s as %s)", (node, words) => {
    expect(plan(`${words} taints`)).toEqual(describeCall("nodes", node, ["taints"]));
  });

  it.each(
    withKind("cronjobs").flatMap((cronjob) => [
      [`when does ${cronjob} run`, cronjob],
      [`did ${cronjob} ever run`, cronjob],
      [`${cronjob} 上次什么时候跑的`, cronjob],
    ]),
  )("a CronJob's schedule and last run: %s", (question, cronjob) => {
    expect(plan(question)).toEqual(describeCall("cronjobs", cronjob, ["schedule"]));
  });

  it.each(
    [...names.objects]
      .filter(([, kinds]) => kinds.length === 1 && kinds[0] === "services")
      .map(([name]) => name),
  )("a name only a Service has: its ports (%s)", (service) => {
    expect(plan(`${service} ports`)).toEqual(describeCall("services", service, ["ports"]));
  });

  it.each(withKind("deployments"))(
    "a Deployment's version is its image; its pod's node (%s)",
    (deployment) => {
      expect(plan(`${deployment} version`)).toEqual(describeCall("deployments", deployment, ["image"]));
      expect(plan(`which node is the ${deployment} pod on`)).toEqual(
        describeCall("pods", deployment, ["node"]),
      );
    },
  );

  it.each(
    [...names.namespaces].filter((namespace) => !names.objects.has(namespace) && !names.nodes.has(namespace)),
  )("a namespace's own labels (%s)", (namespace) => {
    expect(plan(`labels of namespace ${namespace}`)).toEqual(
      describeCall("namespaces", namespace, ["labels"]),
    );
  });

  it.each(withKind("jobs"))("the owner of a Job's pod (%s)", (job) => {
    expect(plan(`who owns ${job}-x7k2p`)).toEqual(describeCall("pods", `${job}-x7k2p`, ["owner"]));
  });

  it("a version with no object named is the cluster's", () => {
    expect(plan("what version is the cluster")).toEqual([{ tool: "cluster_overview", args: {} }]);
  });
});
