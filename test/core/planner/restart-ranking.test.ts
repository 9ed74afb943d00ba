import { describe, expect, it } from "vitest";
import { planQuestion } from "../../../src/core/planner/builtin/builtin-planner.js";
import { createKindLexicon } from "../../../src/core/planner/builtin/kind-lexicon.js";
import { namesOfKind } from "../../../src/core/planner/builtin/kind-members.js";
import { sampleNames } from "../../helpers/sample-names.js";

const lexicon = createKindLexicon([]);
const names = sampleNames();
const plan = (text: string) => planQuestion(text, lexicon, names).calls;
const namespaces = [...names.namespaces].filter((ns) => !names.objects.has(ns) && !names.nodes.has(ns));

describe("a restart ranking without the word pods", () => {
  const orders = ["highest first", "most first", "sorted", "descending", "ranked"];
  it.each(
    orders.flatMap((order) => [
      `restarts across the cluster, ${order}`,
      `restart counts in the cluster ${order}`,
    ]),
  )("across the cluster: %s", (question) => {
    expect(plan(question)).toEqual([
      { tool: "get_resources", args: { kind: "pods", all_namespaces: true, sort_by: "restarts" } },
    ]);
  });

  it.each(
    namespaces.flatMap((ns) => [
      `restarts in ${ns}, highest first`,
      `${ns} 的重启次数从高到低`,
      `restarts in ${ns} 排序`,
    ]),
  )("in one namespace: %s", (question) => {
    const namespace = namespaces.find((ns) => question.includes(ns));
    expect(plan(question)).toEqual([
      { tool: "get_resources", args: { kind: "pods", namespace, sort_by: "restarts" } },
    ]);
  });
});

describe("the highest restart count", () => {
  it.each(
    namespaces.flatMap((ns) => [
      `${ns} 里重启次数最高的 pod`,
      `which pod in ${ns} has the highest restart count`,
    ]),
  )("in one namespace: %s", (question) => {
    const namespace = namespaces.find((ns) => question.includes(ns));
    expect(plan(question)).toEqual([
      { tool: "get_resources", args: { kind: "pods", namespace, sort_by: "restarts" } },
    ]);
  });

  it.each(["restart count 最高的 container 是哪个", "which pod's restart count is highest?"])(
    "across the cluster: %s",
    (question) => {
      expect(plan(question)).toEqual([
        { tool: "get_resources", args: { kind: "pods", sort_by: "restarts" } },
      ]);
    },
  );
});

// "checkout 的 CPU 請求是多少": a resource's request or limit in Chinese, simplified or traditional, asks for it.
describe("a resource's request or limit in Chinese", () => {
  const workloads = namesOfKind(names, "deployments");
  it.each(
    workloads.flatMap((workload) => [
      `${workload} 的 CPU 请求是多少？`,
      `${workload} 的 CPU 請求是多少？`,
      `${workload} 的内存 限制`,
    ]),
  )("%s", (question) => {
    const [call] = plan(question);
    expect(call).toMatchObject({ tool: "describe_resource", args: { fields: ["resources"] } });
  });
});

// "hello-web 用的 nginx 是哪个 tag": the tag an object runs is its image.
describe("the image tag asked for", () => {
  const workloads = namesOfKind(names, "deployments");
  it.each(
    workloads.flatMap((workload) => [
      `${workload} 用的镜像是哪个 tag`,
      `what tag is ${workload} running`,
      `which tag does ${workload} use`,
    ]),
  )("%s", (question) => {
    expect(plan(question)[0]).toMatchObject({ tool: "describe_resource", args: { fields: ["image"] } });
  });
});
