import { afterEach, describe, expect, it } from "vitest";
import { createHunyuanLlm } from "../../../src/adapters/llm/hunyuan.js";
import { createOpenAiLlm } from "../../../src/adapters/llm/openai.js";
import { createLlmAgent } from "../../../src/core/agent/llm-agent.js";
import { createLlmPlanner } from "../../../src/core/agent/llm-planner.js";
import type { Llm } from "../../../src/core/ports.js";
import type { Question } from "../../../src/core/question.js";
import { toolCatalogue } from "../../../src/core/tools/catalogue.js";
import { startFakeHunyuanServer } from "../../fakes/hunyuan-server.js";
import { type ScriptedServer, scripted } from "../../fakes/llm-script.js";
import { startFakeOpenAiServer } from "../../fakes/openai-server.js";

/** What a user pasted into a question: none of it may reach the LLM's endpoint. */
const PASTED = [
  "Hb4nR7wQx2zz",
  "AKIAQWERTYUIOPASDFGH",
  "sk-proj-Zq9vLm2xQ7abcdefgh",
  "eyJzdWIiOiJ1c2VyLTQyIn0",
];
const text = `why does checkout fail with postgres://app:${PASTED[0]}@db:5432/x and AWS ${PASTED[1]}, key ${PASTED[2]}, jwt eyJhbGciOiJIUzI1NiJ9.${PASTED[3]}.c2lnbmF0dXJl?`;
const question: Question = {
  text,
  user: "u",
  frontend: "http",
  scope: { namespaces: undefined },
  requestId: "r1",
} as Question;

let server: ScriptedServer;
afterEach(() => server?.close());

async function openai(): Promise<Llm> {
  const started = await startFakeOpenAiServer({ apiKey: "sk-test" });
  server = started;
  return createOpenAiLlm({
    apiKey: "sk-test",
    baseURL: started.baseURL,
    model: "gpt-test",
    timeoutMs: 5_000,
    maxRetries: 0,
  });
}
async function hunyuan(): Promise<Llm> {
  server = await startFakeHunyuanServer({ secretId: "AKIDfake", secretKey: "k", region: "ap-guangzhou" });
  return createHunyuanLlm({
    secretId: "AKIDfake",
    secretKey: "k",
    region: "ap-guangzhou",
    model: "hunyuan-turbos-latest",
    endpoint: server.url,
    timeoutMs: 5_000,
    maxRetries: 0,
  });
}

const sentText = () => JSON.stringify(server.requests.map(({ headers: _headers, ...body }) => body));

describe.each([
  ["openai", openai],
  ["hunyuan", hunyuan],
])("the question reaches %s redacted", (_name, start) => {
  it("in the agent loop", async () => {
    const llm = await start();
    server.script(scripted.text("Checkout is fine."));
    const agent = createLlmAgent({ llm, tools: toolCatalogue });
    await agent.answer(question, { resourceTypes: [] }, async () => []);
    expect(server.requests.length).toBe(1);
    expect(sentText()).toContain("why does checkout fail");
    for (const secret of PASTED) expect(sentText()).not.toContain(secret);
  });

  it("in plan-only mode and in hybrid summaries", async () => {
    const llm = await start();
    server.script(scripted.call("get_resources", { kind: "pods" }), scripted.text("Summary."));
    await createLlmPlanner({ llm, tools: toolCatalogue }).plan(question, { resourceTypes: [] });
    await createLlmAgent({ llm, tools: toolCatalogue }).summarise(question, []);
    expect(server.requests.length).toBe(2);
    for (const secret of PASTED) expect(sentText()).not.toContain(secret);
  });
});
