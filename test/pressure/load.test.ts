import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpLoad, slackLoad } from "./load-driver.js";
import { type PressureStack, startPressureStack } from "./pressure-stack.js";

/**
 * 200 concurrent clients for a few seconds through the HTTP API and through Slack HTTP mode (signed /k8s
 * commands) on the simulated cluster: no errors, no lost or doubled reply. bench/load.ts runs it for 30 s.
 */
const CONCURRENT = 200;
const SECONDS = 3;

let stack: PressureStack;
beforeAll(async () => {
  stack = await startPressureStack({ logLevel: "info", userPerMinute: 1_000_000 });
});
afterAll(async () => {
  await stack?.close();
});

describe(`load: ${CONCURRENT} concurrent questions for ${SECONDS} s`, () => {
  it("through the HTTP API: every question answered, 0 errors", async () => {
    const outcome = await httpLoad(stack, CONCURRENT, SECONDS * 1000);
    expect(outcome.samples).toEqual([]);
    expect(outcome.sent).toBeGreaterThanOrEqual(CONCURRENT);
    expect({ ok: outcome.ok, errors: outcome.errors }).toEqual({ ok: outcome.sent, errors: 0 });
  });

  it("through Slack HTTP mode: every command got exactly one final reply, none lost or doubled", async () => {
    const outcome = await slackLoad(stack, CONCURRENT, SECONDS * 1000);
    expect(outcome.sent).toBeGreaterThanOrEqual(CONCURRENT);
    expect({
      ok: outcome.ok,
      errors: outcome.errors,
      lost: outcome.lost,
      duplicated: outcome.duplicated,
    }).toEqual({
      ok: outcome.sent,
      errors: 0,
      lost: 0,
      duplicated: 0,
    });
    expect(stack.slack.violations).toEqual([]);
  });
});
