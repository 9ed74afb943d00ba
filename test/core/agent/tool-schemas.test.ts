import { encode } from "gpt-tokenizer";
import { describe, expect, it } from "vitest";
import { agentSystemPrompt } from "../../../src/core/agent/system-prompt.js";
import { llmToolSchemas } from "../../../src/core/agent/tool-schemas.js";
import { toolCatalogue } from "../../../src/core/tools/catalogue.js";

describe("the tool schemas the LLM sees", () => {
  const schemas = llmToolSchemas(toolCatalogue);

  it("are reviewed as a snapshot: a change to what the LLM sees is a diff", async () => {
    await expect(`${JSON.stringify(schemas, null, 2)}\n`).toMatchFileSnapshot(
      "./__snapshots__/llm-tools.json.snap",
    );
  });

  it("list every catalogue tool, derived from its zod schema", () => {
    expect(schemas.map((schema) => schema.name)).toEqual(toolCatalogue.map((tool) => tool.name));
    for (const schema of schemas) {
      expect(schema.parameters).toMatchObject({ type: "object" });
      expect(schema.parameters).not.toHaveProperty("$schema");
      expect(JSON.stringify(schema.parameters)).not.toContain('"minLength":1');
    }
    const getResources = schemas.find((schema) => schema.name === "get_resources");
    expect(getResources?.parameters).toMatchObject({ required: ["kind"] });
  });

  // 1,200 for the first edition's eight tools; TOOLS.md's second edition added two tools and five arguments.
  it("stay small: system prompt plus tools of the first call within 1,500 tokens (gpt-tokenizer)", () => {
    const system = agentSystemPrompt(
      { text: "pods", user: "u1", frontend: "cli", scope: { defaultNamespace: "default" }, requestId: "r1" },
      { resourceTypes: [] },
    );
    const tools = schemas.map((schema) => ({ type: "function", function: schema }));
    expect(encode(system).length + encode(JSON.stringify(tools)).length).toBeLessThanOrEqual(1_500);
  });
});
