import { describe, expect, it } from "vitest";
import { planQuestion } from "../../../src/core/planner/builtin/builtin-planner.js";
import { createKindLexicon } from "../../../src/core/planner/builtin/kind-lexicon.js";
import { namesOfKind } from "../../../src/core/planner/builtin/kind-members.js";
import { sampleNames } from "../../helpers/sample-names.js";

const lexicon = createKindLexicon([]);
const names = sampleNames();
const plan = (text: string) => planQuestion(text, lexicon, names).calls;
// Workloads whose names are no vocabulary word and no namespace's, generated from the sample.
const workloads = namesOfKind(names, "deployments").filter((name) => !names.namespaces.has(name));

// Asking for a cause ("because of", "caused by", 是因为, 导致) asks for a diagnosis of the object named.
describe.each(workloads)("the cause of %s's trouble", (workload) => {
  it.each([
    `is ${workload} pending because of the cluster or because of its config?`,
    `is ${workload} crashing due to its config?`,
    `are the ${workload} restarts caused by memory?`,
    `${workload} 重启是因为内存吗`,
    `${workload} 一直不可用是什么导致的`,
    `${workload} has been pending for 2 hours. is it the taints or is it just too big?`,
    `${workload}: is the cluster too small or did the team ask for too much?`,
    `${workload} 的 requests 是不是太大了`,
    `${workload} 是 image 坏了还是 config 的锅`,
  ])("%s", (question) => {
    const calls = plan(question);
    expect(calls.map((call) => call.tool)).toContain("diagnose");
    expect(calls.find((call) => call.tool === "diagnose")?.args.name).toBe(workload);
  });
});
