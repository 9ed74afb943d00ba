import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mentionEvent } from "../fakes/slack-payloads.js";
import { startTestStack, type TestStack } from "../helpers/answer-service.js";
import { handlerFinished } from "../helpers/slack-handlers.js";
import {
  answeredIn,
  eventually,
  responses,
  type SlackHarness,
  sendCommand,
  sendEvent,
  startSlackHarness,
} from "../integration/slack-harness.js";
import { blockKitPage, type DrawnMessage } from "./block-kit-page.js";

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
/** The message pane of a laptop's Slack window, and of a phone's (390 px wide, under Slack's header). */
const SCREENS = { laptop: { width: 1000, height: 760 }, phone: { width: 390, height: 700 } } as const;
type Screen = keyof typeof SCREENS;
/** docs/img/slack/ when asked to refresh the committed pictures, else test-results (the run checks them either way). */
const UPDATE = process.env.UPDATE_SLACK_SCREENSHOTS === "1";
const OUT_DIR = UPDATE ? "docs/img/slack" : "test-results/slack";

/**
 * Issue 15's "what each kind of answer looks like": the real Bolt app answers real questions about the simulated
 * cluster, and its blocks are drawn (approximately, test/e2e/block-kit-page.ts) in headless Chromium at a
 * laptop's and a phone's width. The pictures in docs/slack.md come from here (UPDATE_SLACK_SCREENSHOTS=1).
 */
describe("what Slack answers look like", () => {
  let stack: TestStack;
  let harness: SlackHarness;
  let context: BrowserContext;
  let profile: string;
  const drawn = new Map<string, DrawnMessage[]>();

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run .ci/run, which installs it`);
    stack = await startTestStack();
    harness = await startSlackHarness({ mode: "http", sharedStack: stack });
    profile = mkdtempSync(join(tmpdir(), "k8helper-chromium-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
    });
    mkdirSync(OUT_DIR, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    stack?.cluster.faults.clear();
    await context?.close();
    await harness?.close();
    await stack?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  const answerTo = async (kind: string, ask: (channel: string) => Promise<unknown>) => {
    const channel = `C0SHOT${kind.toUpperCase().replace(/-/g, "")}`;
    await ask(channel);
    const message = await eventually(() => answeredIn(harness.slack, channel));
    drawn.set(kind, [{ blocks: message.blocks ?? [] }]);
  };
  const privateReplyTo = async (kind: string, text: string) => {
    const channel = `C0SHOT${kind.toUpperCase().replace(/-/g, "")}`;
    const id = `${channel}-1`;
    await sendCommand(harness, text, { channel, id });
    await handlerFinished(() => harness.logs, channel);
    const reply = await eventually(() => responses(harness.slack, id)[0]);
    const publicNotice = [...harness.slack.messages.values()].find(
      (m) => m.channel === channel && !m.deleted,
    );
    drawn.set(kind, [
      ...(publicNotice ? [{ blocks: publicNotice.blocks ?? [] }] : []),
      { blocks: reply.params.blocks as Record<string, unknown>[], ephemeral: true },
    ]);
  };
  const mention = (text: string) => (channel: string) => sendEvent(harness, mentionEvent(text, { channel }));

  /** Draws one kind at one width; returns the page (still open) for checks of what is on screen. */
  async function shoot(kind: string, screen: Screen): Promise<Page> {
    const page = await context.newPage();
    await page.setViewportSize(SCREENS[screen]);
    await page.setContent(blockKitPage(drawn.get(kind) ?? []), { waitUntil: "load" });
    const height = await page.evaluate(() => document.body.scrollHeight);
    const path = join(OUT_DIR, `${kind}-${screen}.png`);
    await page.screenshot({
      path,
      clip: { x: 0, y: 0, width: SCREENS[screen].width, height: Math.min(height, SCREENS[screen].height) },
    });
    return page;
  }

  /** True when the element is drawn inside the screen, not scrolled or wrapped off it. */
  const onScreen = async (page: Page, screen: Screen, text: string) => {
    const box = await page.getByText(text, { exact: true }).first().boundingBox();
    const { width, height } = SCREENS[screen];
    return box !== null && box.x >= 0 && box.x + box.width <= width && box.y + box.height <= height;
  };

  it("draws each kind of answer from the real app's blocks at a laptop's and a phone's width", async () => {
    await answerTo("diagnosis", (channel) =>
      sendCommand(harness, "why is checkout crashing in shop?", { channel, id: `${channel}-1` }),
    );
    await answerTo("table", mention("pods in shop"));
    await answerTo("overview", mention("cluster overview"));
    await answerTo("chinese", mention("shop 命名空间的 pod"));
    await privateReplyTo("refusal", "delete pod checkout in shop");
    await privateReplyTo("pod-choice", "logs of ap in edge");
    stack.cluster.faults.set({ dropConnection: true });
    try {
      await privateReplyTo("error", "services in payments");
    } finally {
      stack.cluster.faults.clear();
    }
    for (const kind of drawn.keys())
      for (const screen of Object.keys(SCREENS) as Screen[]) {
        const page = await shoot(kind, screen);
        await page.close();
        // Small enough to commit: a first screen, not a whole scroll.
        expect(statSync(join(OUT_DIR, `${kind}-${screen}.png`)).size).toBeLessThan(250_000);
      }
    expect([...drawn.keys()].sort()).toEqual(
      ["chinese", "diagnosis", "error", "overview", "pod-choice", "refusal", "table"].sort(),
    );
  });

  it("keeps NAME and STATUS on a phone's screen, in English and in Chinese", async () => {
    for (const [kind, headings] of [
      ["table", ["NAME", "STATUS"]],
      ["chinese", ["名称", "状态"]],
    ] as const) {
      const page = await shoot(kind, "phone");
      for (const heading of headings)
        expect({ kind, heading, on: await onScreen(page, "phone", heading) }).toEqual({
          kind,
          heading,
          on: true,
        });
      await page.close();
    }
  });

  it("puts a diagnosis's cause (the error line) on the first screen, on a laptop and on a phone", async () => {
    for (const screen of Object.keys(SCREENS) as Screen[]) {
      const page = await shoot("diagnosis", screen);
      const box = await page
        .getByText(/TypeError: Cannot read properties of undefined/)
        .first()
        .boundingBox();
      expect(box, screen).not.toBeNull();
      expect(box!.y + box!.height, screen).toBeLessThanOrEqual(SCREENS[screen].height);
      await page.close();
    }
  });

  it("offers Try again on the error and buttons for each pod on the choice", async () => {
    const page = await shoot("error", "phone");
    expect(await page.locator(".button", { hasText: "Try again" }).count()).toBeGreaterThan(0);
    await page.close();
    const choice = await shoot("pod-choice", "laptop");
    expect(await choice.locator(".actions .button").count()).toBeGreaterThan(1);
    await choice.close();
  });
});
