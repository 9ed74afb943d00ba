import { describe, expect, it } from "vitest";
import { planQuestion } from "../../../src/core/planner/builtin/builtin-planner.js";
import { createKindLexicon } from "../../../src/core/planner/builtin/kind-lexicon.js";
import type { ClusterNames } from "../../../src/core/ports.js";
import { sampleNames } from "../../helpers/sample-names.js";

const lexicon = createKindLexicon([]);
const plan = (text: string, names: ClusterNames) => planQuestion(text, lexicon, names).calls;

/** The sample's names with the cluster DNS under another well-known name (kube-dns on older clusters). */
function namesWithDns(dns: string | undefined): ClusterNames {
  const names = sampleNames();
  const objects = new Map(names.objects);
  objects.delete("coredns");
  objects.delete("kube-dns");
  if (dns) objects.set(dns, ["deployments", "configmaps", "services"]);
  return { ...names, objects };
}

const troubles = [
  "pods can't resolve anything, is DNS broken?",
  "is dns ok",
  "is cluster dns healthy?",
  "getting NXDOMAIN for every service, what's up",
  "name resolution is flaky",
  "dns 解析失败",
  "集群 DNS 正常吗",
  "服务名无法解析，怎么回事",
];
const configs = [
  "what upstream does the cluster dns forward to",
  "show me the DNS config",
  "dns 的上游配置是什么",
];
const logs = ["any errors in the dns logs?", "DNS 日志里有报错吗"];

describe.each(["coredns", "kube-dns"])("the cluster DNS named %s", (dns) => {
  const names = namesWithDns(dns);
  it.each(troubles)("diagnoses it: %s", (question) => {
    expect(plan(question, names)).toEqual([{ tool: "diagnose", args: { name: dns } }]);
  });
  it.each(configs)("reads its Corefile: %s", (question) => {
    expect(plan(question, names)).toEqual([
      { tool: "describe_resource", args: { kind: "configmaps", name: dns } },
    ]);
  });
  it.each(logs)("reads its logs: %s", (question) => {
    expect(plan(question, names)).toEqual([{ tool: "get_pod_logs", args: { name: dns } }]);
  });
  it(`the Corefile of ${dns} named`, () => {
    expect(plan(`what does ${dns} forward to?`, names)).toEqual([
      { tool: "describe_resource", args: { kind: "configmaps", name: dns } },
    ]);
  });
  it("a resolved service's DNS name is what was looked up, not the object asked about", () => {
    expect(plan("nslookup ledger.payments.svc.cluster.local times out, is dns broken?", names)).toEqual([
      { tool: "diagnose", args: { name: dns } },
    ]);
  });
});

describe("what the DNS rule leaves to the grammar", () => {
  const names = namesWithDns("coredns");
  it("an explicit command", () => {
    expect(plan("kubectl get svc kube-dns -n kube-system", names)).toEqual([
      { tool: "get_resources", args: { kind: "services", namespace: "kube-system", name: "kube-dns" } },
    ]);
  });
  it("an explicit verb and kind", () => {
    expect(plan("describe deployment coredns", names)).toEqual([
      { tool: "describe_resource", args: { kind: "deployments", name: "coredns" } },
    ]);
  });
  it("another object named beside the trouble", () => {
    expect(
      plan("checkout can't resolve anything, is dns broken?", names).map((call) => call.args.name),
    ).toContain("checkout");
  });
  it("a cluster with no DNS workload of a known name", () => {
    expect(plan("is dns ok", namesWithDns(undefined))).not.toContainEqual(
      expect.objectContaining({ args: expect.objectContaining({ name: "coredns" }) }),
    );
  });
});
