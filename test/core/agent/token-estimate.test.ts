import { encode } from "gpt-tokenizer";
import { describe, expect, it } from "vitest";
import { gptTokenCounter } from "../../../src/adapters/tokenizer/gpt-token-counter.js";
import { digestForLlm } from "../../../src/core/agent/result-digest.js";
import { byteTokenCounter, truncateToTokens } from "../../../src/core/agent/token-estimate.js";
import type { AnswerPart } from "../../../src/core/answer.js";
import type { ExecutedCall, KubeObject } from "../../../src/core/ports.js";
import { buildSampleCluster } from "../../../src/demo/sample-data.js";
import { seededRandom } from "../../../src/demo/seeded-random.js";

const sample = buildSampleCluster({ seed: 1, now: Date.parse("2026-01-01T00:00:00Z") });
const real = (text: string) => encode(text).length;

function call(parts: AnswerPart[], notes: string[] = []): ExecutedCall {
  return {
    record: { tool: "get_resources", args: {}, ok: true, durationMs: 1, facts: { count: parts.length } },
    parts,
    notes,
  };
}

/** Tool digests of the kinds the LLM reads: manifests as JSON, tables, IP and UUID lists, logs, Chinese notes. */
function digestCorpus(): string[] {
  const random = seededRandom(7);
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join("");
  const byKind = new Map<string, KubeObject[]>();
  for (const object of sample.objects)
    byKind.set(String(object.kind), [...(byKind.get(String(object.kind)) ?? []), object]);
  const corpus: string[] = [];
  for (const [kind, objects] of byKind) {
    const code = JSON.stringify(objects.slice(0, 5), null, 2);
    corpus.push(
      digestForLlm(call([{ type: "code", title: `${kind} manifests`, language: "json", code }]), 1e9),
    );
  }
  const pods = byKind.get("Pod") ?? [];
  // biome-ignore lint/suspicious/noExplicitAny: sample pods read loosely
  const rows = pods.map((pod: any) => [
    pod.metadata.name,
    pod.metadata.namespace,
    pod.status?.phase ?? "",
    pod.status?.podIP ?? "",
    pod.spec?.nodeName ?? "",
  ]);
  corpus.push(
    digestForLlm(
      call([{ type: "table", title: "pods", columns: ["NAME", "NAMESPACE", "STATUS", "IP", "NODE"], rows }]),
      1e9,
    ),
  );
  const ips = Array.from(
    { length: 300 },
    () => `10.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}`,
  );
  corpus.push(digestForLlm(call([{ type: "text", title: "endpoints", text: ips.join(", ") }]), 1e9));
  const uids = Array.from({ length: 200 }, () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`);
  corpus.push(digestForLlm(call([{ type: "text", title: "uids", text: uids.join("\n") }]), 1e9));
  for (const log of [...sample.logs.values()].slice(0, 10)) {
    const code = log.current.map((line) => line.text).join("\n");
    corpus.push(digestForLlm(call([{ type: "code", title: "logs", language: "log", code }]), 1e9));
  }
  corpus.push(
    digestForLlm(
      call(
        [
          {
            type: "text",
            title: "摘要",
            text: "命名空间 shop 中有 3 个 Pod 处于 CrashLoopBackOff 状态，节点 demo-worker-3 未就绪。".repeat(
              20,
            ),
          },
        ],
        ["已描述 pod checkout-7d9f（运行在节点 demo-worker-1）"],
      ),
      1e9,
    ),
  );
  return corpus;
}

const corpus = digestCorpus();

describe("token counting on a corpus of tool digests", () => {
  it("the corpus is large and varied enough to mean something", () => {
    expect(corpus.length).toBeGreaterThan(15);
    expect(corpus.reduce((sum, text) => sum + real(text), 0)).toBeGreaterThan(20_000);
  });

  it("neither counter is ever below the real count (gpt-tokenizer's encoding)", () => {
    for (const text of corpus) {
      expect(gptTokenCounter.count(text)).toBeGreaterThanOrEqual(real(text));
      expect(byteTokenCounter.count(text)).toBeGreaterThanOrEqual(real(text));
    }
  });

  it("a digest cut to a budget is within it by the real count, note included, with either counter", () => {
    for (const counter of [gptTokenCounter, byteTokenCounter]) {
      for (const text of corpus) {
        for (const budget of [50, 300, 1_000]) {
          const cut = truncateToTokens(text, budget, counter);
          expect(real(cut)).toBeLessThanOrEqual(budget);
          if (cut !== text) expect(cut).toMatch(/\n…\[\d+ more characters cut\]$/);
        }
      }
    }
  });

  it("the real tokenizer keeps as much as the budget allows: within a few tokens of it", () => {
    const long = corpus.find((text) => real(text) > 2_000)!;
    const cut = truncateToTokens(long, 1_000, gptTokenCounter);
    expect(real(cut)).toBeGreaterThan(990);
    expect(cut.startsWith(long.slice(0, 100))).toBe(true);
    expect(cut).not.toContain("\uFFFD");
  });

  it("says how many characters were cut, and leaves short text alone", () => {
    const cut = truncateToTokens("x".repeat(1_000), 50, byteTokenCounter);
    const kept = cut.slice(0, cut.indexOf("\n"));
    expect(cut).toBe(`${kept}\n…[${1_000 - kept.length} more characters cut]`);
    expect(truncateToTokens("short", 50, gptTokenCounter)).toBe("short");
    const chinese = truncateToTokens("查看服务".repeat(100), 40, byteTokenCounter);
    expect(chinese).not.toContain("\uFFFD");
  });
});
