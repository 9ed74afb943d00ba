import { describe, expect, it } from "vitest";
import { planQuestion } from "../../../src/core/planner/builtin/builtin-planner.js";
import { createKindLexicon } from "../../../src/core/planner/builtin/kind-lexicon.js";
import { sampleNames } from "../../helpers/sample-names.js";

// Issue 14 §1: more ways to ask for one attribute, each generated over every sample object of the kind it fits.
const lexicon = createKindLexicon([]);
const names = sampleNames();
const plan = (text: string) => planQuestion(text, lexicon, names).calls;
const withKind = (kind: string) =>
  [...names.objects].filter(([, kinds]) => kinds.includes(kind)).map(([name]) => name);
const describeCall = (kind: string, name: string, fields: string[]) => [
  { tool: "describe_resource", args: { kind, name, fields } },
];

describe("attribute phrasings over the sample's names", () => {
  it.each(
    withKind("cronjobs").flatMap((cronjob) => [
      `when is ${cronjob} supposed to run`,
      `concurrency policy of ${cronjob}`,
    ]),
  )("a CronJob's schedule: %s", (question) => {
    const [cronjob] = withKind("cronjobs").filter((name) => question.includes(name));
    expect(plan(question)).toEqual(describeCall("cronjobs", cronjob, ["schedule"]));
  });

  it.each(withKind("horizontalpodautoscalers"))("an HPA's range: %s", (hpa) => {
    expect(plan(`what's the hpa range for ${hpa} (min/max)`)).toEqual(
      describeCall("horizontalpodautoscalers", hpa, ["replicas"]),
    );
  });

  it.each(withKind("services"))("a Service's selector: %s", (service) => {
    expect(plan(`what's the selector on the ${service} svc`)).toEqual(
      describeCall("services", service, ["labels"]),
    );
  });

  it.each(withKind("deployments"))(
    "traditional Chinese asks for the image as simplified does: %s",
    (deployment) => {
      expect(plan(`${deployment} 用的是什麼鏡像`)).toEqual(plan(`${deployment} 用的是什么镜像`));
      expect(plan(`${deployment} 用的是什麼鏡像`)[0]?.args.fields).toEqual(["image"]);
    },
  );

  it.each(
    [...names.namespaces].filter((namespace) => !names.objects.has(namespace) && !names.nodes.has(namespace)),
  )("a namespace written before a kind is where to list it: the %s ingress", (namespace) => {
    expect(plan(`hostname of the ${namespace} ingress`)).toEqual([
      { tool: "get_resources", args: { kind: "ingresses", namespace } },
    ]);
  });

  it("limit ranges are a kind, not a question about limits", () => {
    expect(plan("limit ranges in shop")).toEqual([
      { tool: "get_resources", args: { kind: "limitranges", namespace: "shop" } },
    ]);
  });
});
