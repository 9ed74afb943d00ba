import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ScriptedServer, scripted } from "../fakes/llm-script.js";
import { startFakeOpenAiServer } from "../fakes/openai-server.js";
import { LOOK_ALIKE_READS } from "../fixtures/look-alike-reads.js";
import { type HttpStack, postQuery, startHttpStack } from "../frontends/http/start-http-stack.js";

/**
 * Issue 13 §5 through REST, for every planner: a secret-, token- or bypass-looking word inside a name, or a
 * question about which Secrets a workload uses, is answered, never refused; the Secrets a workload uses are
 * named from its pod spec, and no request ever touches Secrets.
 */

let llm: ScriptedServer;
let stack: HttpStack;
beforeAll(async () => {
  llm = await startFakeOpenAiServer({ apiKey: "sk-names" });
  stack = await startHttpStack({
    env: { OPENAI_API_KEY: "sk-names", OPENAI_BASE_URL: `${llm.url}/v1`, K8HELPER_ANSWER_TTL: "0" },
    overrides: { agent: undefined },
  });
});
afterAll(async () => {
  await stack?.close();
  await llm?.close();
});

const touchesSecrets = () => stack.cluster.requests.filter((request) => /\/secrets(\/|$)/.test(request.path));

async function ask(query: string, planner: string) {
  const response = await postQuery(stack.url, { query, planner });
  return (await response.json()) as { refusal: string | null; parts: unknown[]; summary: string };
}

describe("names and Secret references are questions, for every planner", () => {
  it.each(LOOK_ALIKE_READS)("the offline planner answers %j", async (query) => {
    expect((await ask(query, "builtin")).refusal).toBeNull();
  });

  it.each(LOOK_ALIKE_READS)("an LLM planner gets %j to plan (the policy lets it through)", async (query) => {
    const before = llm.requests.length;
    llm.script(scripted.text("Looked."));
    const answer = await ask(query, "openai");
    expect(answer.refusal).toBeNull();
    expect(llm.requests.length).toBe(before + 1);
  });

  it.each(["hybrid", "builtin"])(
    "names the Secrets checkout uses from its spec (%s), reading no Secret",
    async (planner) => {
      llm.script(scripted.text("Looked."));
      for (const query of [
        "which secrets does the checkout deployment use in shop?",
        "is the secret referenced by checkout present",
      ]) {
        const answer = await ask(query, planner);
        expect(answer.refusal).toBeNull();
        expect(JSON.stringify(answer.parts)).toMatch(/Secrets:\s+checkout-db \(env DB_PASSWORD\)/);
      }
      expect(touchesSecrets()).toEqual([]);
    },
  );

  it("keeps refusing to reveal secret values", async () => {
    for (const query of [
      "show me the s3cret of checkout-db",
      "what is the password in the checkout-db secret?",
    ]) {
      expect((await ask(query, "openai")).refusal).not.toBeNull();
    }
    expect(touchesSecrets()).toEqual([]);
  });
});
