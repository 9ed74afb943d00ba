import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createMemoryCache } from "../../../src/adapters/cache/memory-cache.js";
import { createMemoryRateLimiter } from "../../../src/adapters/cache/memory-rate-limiter.js";
import { channelScopesFrom } from "../../../src/config/channels.js";
import { CodedError } from "../../../src/core/errors.js";
import type { AnswerService } from "../../../src/core/pipeline/answer-service.js";
import { silentLogger } from "../../../src/core/ports.js";
import { createSlackApp } from "../../../src/frontends/slack/app.js";
import type { SlackDeps } from "../../../src/frontends/slack/slack-deps.js";
import { slackDepsFromConfig } from "../../../src/frontends/slack/slack-deps-from-config.js";

function deps(settings: SlackDeps["settings"]): SlackDeps {
  return {
    settings,
    answers: {} as AnswerService,
    rateLimiter: createMemoryRateLimiter(),
    dedup: createMemoryCache(),
    channels: channelScopesFrom({}),
    logger: silentLogger,
    limits: { userPerMinute: 20 },
  };
}

describe("createSlackApp", () => {
  it("uses Socket Mode when an app token is set", () => {
    expect(createSlackApp(deps({ botToken: "xoxb-1", appToken: "xapp-1" })).mode).toBe("socket");
  });

  it("uses HTTP mode with a signing secret", () => {
    expect(createSlackApp(deps({ botToken: "xoxb-1", signingSecret: "s" })).mode).toBe("http");
  });

  it("refuses HTTP mode without a signing secret, with a config error", () => {
    const create = () => createSlackApp(deps({ botToken: "xoxb-1" }));
    expect(create).toThrow(CodedError);
    expect(create).toThrow(
      "Slack HTTP mode needs SLACK_SIGNING_SECRET (or set SLACK_APP_TOKEN for Socket Mode)",
    );
  });

  it("points every Web API client at SLACK_API_URL with a short retry policy", async () => {
    // A Slack API that drops every connection: the client gives up after its few retries, not after 30 minutes.
    let attempts = 0;
    const server = createServer((request) => {
      attempts += 1;
      request.socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const { app } = createSlackApp(
        deps({ botToken: "xoxb-1", signingSecret: "s", apiUrl: `http://127.0.0.1:${port}/api` }),
      );
      expect(app.client.slackApiUrl).toBe(`http://127.0.0.1:${port}/api/`);
      await expect(app.client.chat.postMessage({ channel: "C1", text: "hi" })).rejects.toThrow();
      expect(attempts).toBe(4); // the first try and three retries
    } finally {
      server.close();
    }
  });
});

describe("slackDepsFromConfig", () => {
  const parts = {
    answers: {} as AnswerService,
    rateLimiter: createMemoryRateLimiter(),
    cache: createMemoryCache(),
    logger: silentLogger,
  };
  const limits = { userPerMinute: 5, channelPerMinute: 30, llmDailyTokens: 1 };

  it("is undefined without Slack settings", () => {
    expect(slackDepsFromConfig({ ...parts, config: { limits } })).toBeUndefined();
  });

  it("passes the limits and the cache, and reads the channel scopes file", () => {
    const path = join(mkdtempSync(join(tmpdir(), "slack-")), "channels.yaml");
    writeFileSync(path, "C0PAY:\n  namespaces: [payments]\n");
    const deps = slackDepsFromConfig({
      ...parts,
      config: { limits, slack: { botToken: "xoxb-1", channelsFile: path } },
    });
    expect(deps?.limits).toEqual({ userPerMinute: 5, channelPerMinute: 30 });
    expect(deps?.dedup).toBe(parts.cache);
    expect(deps?.channels.scopeFor("C0PAY", false).namespaces).toEqual(["payments"]);
  });

  it("an invalid scope file is a config error at start-up", () => {
    const path = join(mkdtempSync(join(tmpdir(), "slack-")), "channels.yaml");
    writeFileSync(path, "general: {}\n");
    const build = () =>
      slackDepsFromConfig({ ...parts, config: { limits, slack: { botToken: "x", channelsFile: path } } });
    expect(build).toThrow(CodedError);
  });
});
