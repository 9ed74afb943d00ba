import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { type ExpectedPlan, plansFromCases, type ScriptedServer } from "../fakes/llm-script.js";
import { startFakeOpenAiServer } from "../fakes/openai-server.js";

const run = promisify(execFile);
const devSetPath = new URL("../../eval/planner-dev.jsonl", import.meta.url);
const devSet: ExpectedPlan[] = readFileSync(devSetPath, "utf8")
  .split("\n")
  .filter(Boolean)
  .map((line) => JSON.parse(line) as ExpectedPlan);

let llm: ScriptedServer | undefined;
afterEach(() => llm?.close());

/** The CLI as a user runs it (through tsx, so the source under test is what runs), against the fake endpoint. */
async function k8helper(args: string[], baseURL: string) {
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    OPENAI_API_KEY: "sk-cli",
    OPENAI_BASE_URL: baseURL,
    LOG_LEVEL: "silent",
  };
  return run(process.execPath, ["--import", "tsx", "src/cli.ts", ...args], { env, timeout: 60_000 });
}

describe("k8helper eval and plan with an LLM planner (OpenAI-compatible fake that plans correctly)", () => {
  it("eval --planner openai scores the dev set and prints tokens and round trips per question", async () => {
    const fake = await startFakeOpenAiServer({ apiKey: "sk-cli" });
    llm = fake;
    // Three cases get a wrong plan, so the score must count them (a fake that is always right proves nothing).
    const wrong = new Set(
      devSet
        .filter((item) => !item.refuse && item.expect.length > 0)
        .map((item) => item.q)
        .slice(-3),
    );
    const rightPlans = plansFromCases(devSet);
    fake.script(
      ...devSet.map(() => (request: Parameters<typeof rightPlans>[0]) => {
        const last = request.messages.at(-1);
        if (request.tools.length === 0 || last?.role !== "user" || !wrong.has(String(last.content)))
          return rightPlans(request);
        const toolCalls = [{ name: "cluster_overview", arguments: {} }];
        return { kind: "reply" as const, toolCalls, usage: { in: 900, out: 25 } };
      }),
    );
    const { stdout } = await k8helper(
      ["eval", devSetPath.pathname, "--planner", "openai", "--no-discovery"],
      fake.baseURL,
    );
    expect(stdout).toMatch(/overall 57\/60 \(95\.0%\)/);
    for (const question of wrong) expect(stdout).toContain(`] ${question}`);
    expect(stdout).toMatch(/^ {2}900\+25 tokens +1 round trip +list pods in the default namespace$/m);
    const planning = fake.requests.length;
    expect(planning).toBeGreaterThan(40);
    expect(stdout).toContain(`LLM: `);
    expect(stdout).toMatch(new RegExp(`, ${planning} round trips \\(`));
  });

  it("eval --planner hybrid asks the LLM only when the offline planner is unsure", async () => {
    const fake = await startFakeOpenAiServer({ apiKey: "sk-cli" });
    llm = fake;
    fake.script(...devSet.map(() => plansFromCases(devSet)));
    const { stdout } = await k8helper(
      ["eval", devSetPath.pathname, "--planner", "hybrid", "--no-discovery"],
      fake.baseURL,
    );
    expect(stdout).toMatch(/overall \d+\/60/);
    expect(fake.requests.length).toBeLessThan(devSet.length);
    expect(stdout).toMatch(new RegExp(`, ${fake.requests.length} round trips \\(`));
  });

  it("plan --planner openai prints the LLM's calls unrun, with its tokens", async () => {
    const fake = await startFakeOpenAiServer({ apiKey: "sk-cli" });
    llm = fake;
    fake.script(plansFromCases(devSet));
    const { stdout } = await k8helper(
      ["plan", "--planner", "openai", "--no-discovery", "kubectl get po -A"],
      fake.baseURL,
    );
    expect(stdout).toContain("→ get_resources kind=pods all_namespaces=true");
    expect(stdout).toContain("(LLM: 1 round trip, 900+25 tokens)");
    expect(fake.requests).toHaveLength(1);
  });
});
