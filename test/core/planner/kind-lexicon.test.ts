import { describe, expect, it } from "vitest";
import { detectLanguage } from "../../../src/core/language.js";
import { createKindLexicon } from "../../../src/core/planner/builtin/kind-lexicon.js";
import { secretType, widgetType } from "../../fixtures/resource-types.js";

const lexicon = createKindLexicon();

describe("kind lexicon", () => {
  // TOOLS.md's canonical plurals: each names itself.
  it.each([
    "pods",
    "services",
    "deployments",
    "statefulsets",
    "daemonsets",
    "replicasets",
    "jobs",
    "cronjobs",
    "nodes",
    "namespaces",
    "configmaps",
    "ingresses",
    "persistentvolumeclaims",
    "persistentvolumes",
    "storageclasses",
    "events",
    "endpoints",
    "serviceaccounts",
    "networkpolicies",
    "horizontalpodautoscalers",
    "poddisruptionbudgets",
    "customresourcedefinitions",
  ])("%s is canonical", (plural) => {
    expect(lexicon.canonical(plural)).toBe(plural);
  });

  it.each([
    ["po", "pods"],
    ["Pod", "pods"],
    ["svc", "services"],
    ["deploy", "deployments"],
    ["sts", "statefulsets"],
    ["ds", "daemonsets"],
    ["rs", "replicasets"],
    ["cj", "cronjobs"],
    ["cm", "configmaps"],
    ["ing", "ingresses"],
    ["pvc", "persistentvolumeclaims"],
    ["pv", "persistentvolumes"],
    ["sc", "storageclasses"],
    ["hpa", "horizontalpodautoscalers"],
    ["ns", "namespaces"],
    ["sa", "serviceaccounts"],
    ["netpol", "networkpolicies"],
    ["crd", "customresourcedefinitions"],
    ["pdb", "poddisruptionbudgets"],
    ["容器组", "pods"],
    ["服务", "services"],
    ["部署", "deployments"],
    ["无状态", "deployments"],
    ["节点", "nodes"],
    ["命名空间", "namespaces"],
    ["名字空间", "namespaces"],
    ["配置映射", "configmaps"],
    ["配置项", "configmaps"],
    ["有状态副本集", "statefulsets"],
    ["有状态应用", "statefulsets"],
    ["守护进程集", "daemonsets"],
    ["副本集", "replicasets"],
    ["任务", "jobs"],
    ["作业", "jobs"],
    ["定时任务", "cronjobs"],
    ["计划任务", "cronjobs"],
    ["持久卷声明", "persistentvolumeclaims"],
    ["持久卷", "persistentvolumes"],
    ["存储类", "storageclasses"],
    ["事件", "events"],
    ["端点", "endpoints"],
    ["服务账号", "serviceaccounts"],
    ["网络策略", "networkpolicies"],
    ["入口", "ingresses"],
    ["自动扩缩", "horizontalpodautoscalers"],
    ["中断预算", "poddisruptionbudgets"],
    ["自定义资源定义", "customresourcedefinitions"],
    ["stateful sets", "statefulsets"],
  ])("%s → %s", (name, plural) => {
    expect(lexicon.canonical(name)).toBe(plural);
  });

  it("knows which kinds are cluster-scoped", () => {
    for (const plural of [
      "nodes",
      "namespaces",
      "persistentvolumes",
      "storageclasses",
      "customresourcedefinitions",
    ]) {
      expect(lexicon.isNamespaced(plural)).toBe(false);
    }
    expect(lexicon.isNamespaced("pods")).toBe(true);
  });

  it("adds discovered kinds and their short names, never Secrets, never over a built-in", () => {
    const discovered = createKindLexicon([
      { ...widgetType, namespaced: false },
      secretType,
      {
        plural: "podthings",
        singular: "podthing",
        kind: "PodThing",
        shortNames: ["po"],
        group: "x.io",
        version: "v1",
        namespaced: true,
        verbs: [],
      },
    ]);
    expect(discovered.canonical("wd")).toBe("widgets");
    expect(discovered.canonical("Widget")).toBe("widgets");
    expect(discovered.canonical("widgets.example.com")).toBe("widgets");
    expect(discovered.isNamespaced("widgets")).toBe(false);
    expect(discovered.canonical("secret")).toBeUndefined();
    expect(discovered.canonical("po")).toBe("pods");
  });
});

describe("detectLanguage", () => {
  it.each([
    ["list pods", "en"],
    ["查看pods", "zh"],
    ["kubectl get po -A", "en"],
    ["该集群有多少Pod？", "zh"],
    ["", "en"],
    ["pods？", "zh"],
  ])("%j is %s", (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });
});
