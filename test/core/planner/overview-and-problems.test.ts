import { expect, it } from "vitest";
import { planQuestion } from "../../../src/core/planner/builtin/builtin-planner.js";
import { createKindLexicon } from "../../../src/core/planner/builtin/kind-lexicon.js";
import { sampleNames } from "../../helpers/sample-names.js";

const lexicon = createKindLexicon([]);
const names = sampleNames();
const tools = (text: string) => planQuestion(text, lexicon, names).calls.map((call) => call.tool);

// An overview asked together with the problems gets both: the version and nodes are the overview's, not a diagnosis'.
it.each([
  "给我一个 overview：版本、节点、有问题的 workload",
  "cluster overview and what's broken",
  "overview of the cluster and any broken pods",
])("%s", (question) => {
  expect(tools(question)).toEqual(["cluster_overview", "diagnose"]);
});

it.each(["cluster overview", "what's broken?", "checkout version problems", "overview of shop and problems"])(
  "one of them: %s",
  (question) => {
    expect(tools(question)).toHaveLength(1);
  },
);
