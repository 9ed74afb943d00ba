import { describe, expect, it } from "vitest";
import { readCountQuestion } from "../../../src/core/count-question.js";
import { planQuestion } from "../../../src/core/planner/builtin/builtin-planner.js";
import { BUILTIN_KINDS, createKindLexicon } from "../../../src/core/planner/builtin/kind-lexicon.js";
import { sampleNames } from "../../helpers/sample-names.js";

// Issue 14 §1: a count is a list of the kind counted, in any phrasing, language and grouping. Generated over every
// listable kind of the catalogue (events have their own tool), each said by its plural, in English, Chinese and mixed.
const lexicon = createKindLexicon([]);
const names = sampleNames();
const COUNTED = BUILTIN_KINDS.filter((entry) => entry.plural !== "events");

const ENGLISH = [
  (k: string) => `how many ${k} are there`,
  (k: string) => `how many ${k} do we have`,
  (k: string) => `number of ${k}`,
  (k: string) => `total number of ${k}?`,
  (k: string) => `count the ${k}`,
];
const CHINESE = [(k: string) => `有多少个${k}`, (k: string) => `${k}有几个`, (k: string) => `${k}的数量`];
const PER_NAMESPACE_EN = [(q: string) => `${q} per namespace`, (q: string) => `${q} in each namespace`];
const PER_NAMESPACE_ZH = [
  (k: string) => `每个命名空间有多少个${k}`,
  (k: string) => `按命名空间统计${k}的数量`,
];
const PER_NODE_EN = [(q: string) => `${q} per node`, (q: string) => `${q} on each node`];
const PER_NODE_ZH = [(k: string) => `每个节点上有多少个${k}`, (k: string) => `各节点的${k}数量`];

interface Case {
  question: string;
  kind: string;
  groupBy?: "namespace" | "node";
}

const cases: Case[] = COUNTED.flatMap((entry) => {
  const kind = entry.plural;
  const zh = entry.chinese[0];
  const plain: Case[] = [
    ...ENGLISH.map((say) => ({ question: say(kind), kind })),
    ...CHINESE.map((say) => ({ question: say(zh), kind })),
    ...CHINESE.map((say) => ({ question: say(kind), kind })),
  ];
  if (!entry.namespaced) return plain;
  const perNamespace: Case[] = [
    ...PER_NAMESPACE_EN.map((group) => ({
      question: group(`how many ${kind}`),
      kind,
      groupBy: "namespace" as const,
    })),
    ...PER_NAMESPACE_ZH.map((say) => ({ question: say(zh), kind, groupBy: "namespace" as const })),
  ];
  const perNode: Case[] =
    kind === "pods"
      ? [
          ...PER_NODE_EN.map((group) => ({
            question: group(`how many ${kind}`),
            kind,
            groupBy: "node" as const,
          })),
          ...PER_NODE_ZH.map((say) => ({ question: say(zh), kind, groupBy: "node" as const })),
          { question: "pods per node?", kind, groupBy: "node" },
        ]
      : [];
  return [...plain, ...perNamespace, ...perNode];
});

describe(`count questions, ${cases.length} generated over ${COUNTED.length} kinds`, () => {
  it("are read as counts, with the grouping asked for", () => {
    const misread = cases.filter(
      ({ question, groupBy }) =>
        readCountQuestion(question)?.groupBy !== groupBy || !readCountQuestion(question),
    );
    expect(misread.map((c) => c.question)).toEqual([]);
  });

  it("plan one list of the counted kind, across every namespace when totals per namespace or node are asked", () => {
    const wrong = cases.flatMap(({ question, kind, groupBy }) => {
      const { calls } = planQuestion(question, lexicon, names);
      const [call] = calls;
      const right =
        calls.length === 1 &&
        call.tool === "get_resources" &&
        call.args.kind === kind &&
        (groupBy === undefined || call.args.all_namespaces === true);
      return right ? [] : [`${question} → ${JSON.stringify(calls)}`];
    });
    expect(wrong).toEqual([]);
  });

  it("are confident when every word is placed", () => {
    const doubtful = cases.flatMap(({ question }) => {
      const plan = planQuestion(question, lexicon, names);
      return plan.confidence >= 0.9 ? [] : [`${question} (${plan.confidence}: ${plan.notes?.join("; ")})`];
    });
    expect(doubtful).toEqual([]);
  });
});

// Mixed questions say the group in English after a Chinese quantifier (每个 node), and "which node has the most pods"
// is answered by the totals per node: every quantifier with every word for the group.
describe("groupings said in either language", () => {
  const QUANTIFIERS = ["每个", "每個", "各", "各个", "按", "每个 ", "per ", "each ", "by "];
  const GROUPS = {
    node: ["node", "nodes", "节点", "節點"],
    namespace: ["namespace", "ns", "命名空间", "命名空間"],
  };
  for (const [groupBy, words] of Object.entries(GROUPS))
    it(`read as totals per ${groupBy}`, () => {
      const misread = QUANTIFIERS.flatMap((each) =>
        words.flatMap((word) =>
          [`${each}${word} 上多少 pods?`, `pods ${each}${word}`, `${each}${word}的 pod 数量`].filter(
            (question) => readCountQuestion(question)?.groupBy !== groupBy,
          ),
        ),
      );
      expect(misread).toEqual([]);
    });
  it("which group has the most pods", () => {
    for (const [groupBy, words] of Object.entries(GROUPS))
      for (const word of words)
        for (const question of [
          `which ${word} has the most pods`,
          `哪个${word}上的 pod 最多`,
          `哪个 ${word} 最多 pod`,
        ])
          expect(readCountQuestion(question)?.groupBy, question).toBe(groupBy);
  });
  it("but the most cpu or memory is no count", () => {
    for (const question of [
      "which node uses the most memory",
      "哪个节点内存最多",
      "which namespace uses most cpu",
    ])
      expect(readCountQuestion(question)).toBeUndefined();
  });
});

it("a question that asks for no number is not a count", () => {
  for (const question of [
    "list pods in shop",
    "why is checkout crashing",
    "describe node demo-worker-1",
    "查看shop的pod",
  ])
    expect(readCountQuestion(question)).toBeUndefined();
});
