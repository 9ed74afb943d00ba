import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryRateLimiter } from "../../src/adapters/cache/memory-rate-limiter.js";
import type { RunningHttpServer } from "../../src/frontends/http/server.js";
import { type HttpStack, serveHttp, startHttpStack } from "../frontends/http/start-http-stack.js";

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const SHOTS = "test-results";
const TOOL_NAMES =
  /\b(get_resources|describe_resource|get_manifest|get_pod_logs|get_events|cluster_overview)\b/;

let stack: HttpStack;
let limited: RunningHttpServer;
let browser: Browser;
let profile: string;

beforeAll(async () => {
  expect(existsSync(CHROMIUM), "bash .ci/run installs chromium").toBe(true);
  stack = await startHttpStack();
  // The page's own health check is one question, then two answers, then the limit.
  limited = await serveHttp(stack, { userPerMinute: 3, rateLimiter: createMemoryRateLimiter() });
  profile = mkdtempSync(join(tmpdir(), "k8helper-oncall-"));
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  mkdirSync(SHOTS, { recursive: true });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await limited?.close();
  await stack?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

async function openPage(options: { url?: string; width?: number; height?: number } = {}) {
  const context: BrowserContext = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(90_000);
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(String(error)));
  return { page, context, problems, open: () => page.goto(`${options.url ?? stack.url}/`) };
}

/** Asks like a person: types, presses Ask, waits until the page has an answer or an error. */
async function ask(page: Page, question: string): Promise<void> {
  const before = await page.locator("#answer").getAttribute("data-answered");
  await page.locator("#question").fill(question);
  await page.locator("#ask").click();
  await page.waitForFunction(
    (previous) =>
      !document.querySelector("#error")!.hasAttribute("hidden") ||
      document.querySelector("#answer")!.getAttribute("data-answered") !== previous,
    before,
  );
}

// What a person sees: innerText leaves out hidden elements and closed <details> (the call trace is behind one).
const visibleText = (page: Page) => page.evaluate(() => document.body.innerText);

describe("the page an on-call engineer keeps open", { timeout: 180_000 }, () => {
  it("every Try example works on the demo cluster", async () => {
    const { page, context, open } = await openPage();
    await open();
    const examples = await page.locator("#examples button.example").allTextContents();
    expect(examples.length).toBeGreaterThanOrEqual(6);
    for (const example of examples) {
      await ask(page, example);
      expect(await page.locator("#error").isHidden(), example).toBe(true);
      expect(await page.locator("#calls li.failed").count(), example).toBe(0);
      expect(await page.locator("#summary").textContent(), example).not.toMatch(
        /No problems found|未发现问题/,
      );
    }
    await context.close();
  });

  it("shows the cluster and context, a health strip that refreshes, and no raw tool names", async () => {
    const { page, context, open } = await openPage();
    await page.clock.install();
    const overviews: string[] = [];
    page.on("request", (request) => {
      if (request.url().endsWith("/api/v1/query") && request.postData()?.includes("cluster overview"))
        overviews.push(request.postData()!);
    });
    await open();
    await expect
      .poll(() => page.locator("#health").getAttribute("data-state"), { timeout: 20_000 })
      .toBe("ready");
    expect(await page.locator("#health").textContent()).toMatch(
      /\d+\/\d+ nodes ready.*unhealthy workload.*warnings in the last hour/,
    );
    expect(await page.locator("#health [data-health=cluster]").textContent()).toBe(stack.cluster.contextName);
    await page.clock.fastForward(61_000);
    await expect.poll(() => overviews.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);

    await ask(page, "pods in shop");
    expect(await page.locator("#answer-context").textContent()).toBe(
      `Cluster ${stack.cluster.contextName} · namespace shop`,
    );
    await ask(page, "describe pod no-such-pod in shop");
    expect(await visibleText(page)).not.toMatch(TOOL_NAMES);
    await context.close();
  });

  it("clears the old answer when the next question fails (a rate limit)", async () => {
    const { page, context, open } = await openPage({ url: limited.url });
    await open();
    await expect
      .poll(() => page.locator("#health").getAttribute("data-state"), { timeout: 20_000 })
      .not.toBe("loading");
    await ask(page, "pods in kube-system");
    await ask(page, "nodes");
    expect(await page.locator("#answer").isVisible()).toBe(true);
    await ask(page, "services in shop");
    expect(await page.locator("#error").textContent()).toMatch(/Too many questions/);
    expect(await page.locator("#answer").isVisible()).toBe(false);
    await context.close();
  });

  it("says a refusal once, and answers in Chinese with Chinese headings", async () => {
    const { page, context, open } = await openPage();
    await open();
    await ask(page, "delete pod web-1 in shop");
    const refusal = (await page.locator("#refusal").textContent()) ?? "";
    expect(refusal.length).toBeGreaterThan(10);
    expect((await visibleText(page)).split(refusal.slice(0, 30)).length - 1).toBe(1);
    await ask(page, "查看kube-system命名空间中的服务");
    expect(await page.locator("#details-title").textContent()).toMatch(/详情/);
    expect(await page.locator("#parts .hint").first().textContent()).toMatch(/行$/);
    expect(await page.locator("#answer-context").textContent()).toMatch(/^集群 /);
    // The tools' English titles and columns, as Slack shows them to a Chinese question.
    expect(await page.locator("#parts h2").first().textContent()).toBe("kube-system 中的 services");
    expect(await page.locator("#parts th").allTextContents()).toEqual(
      expect.arrayContaining(["名称", "类型", "集群 IP", "存在时间"]),
    );
    await page.locator("#copy-markdown").click();
    expect(await page.locator("#markdown").inputValue()).toContain(
      "### kube-system 中的 services\n\n| 名称 |",
    );
    await context.close();
  });

  it("object names ask the natural next question, and the answer copies as Markdown", async () => {
    const { page, context, open } = await openPage();
    await open();
    await ask(page, "pods in kube-system");
    const name = (await page.locator("#parts button.object-name").first().textContent()) ?? "";
    expect(name).toMatch(/^[a-z0-9-]+$/);
    await page.locator("#parts button.object-name").first().click();
    const next = await page.locator("#parts .next-questions button").allTextContents();
    expect(next).toEqual(["describe", "logs", "events"]);
    await page.locator("#parts .next-questions button", { hasText: "describe" }).click();
    await expect
      .poll(() => page.locator("#answer-question").textContent(), { timeout: 20_000 })
      .toContain(name);
    expect(await page.locator("#calls li.failed").count()).toBe(0);
    expect(await page.locator("#calls").textContent()).toContain("describe_resource");

    await page.locator("#copy-markdown").click();
    const markdown = await page.locator("#markdown").inputValue();
    expect(markdown).toContain(`**describe pods ${name}`);
    expect(markdown).toMatch(/_cluster k8helper-demo/);
    await context.close();
  });

  it("sends the conversation id back with a follow-up, and forgets it on New conversation", async () => {
    const { page, context, open } = await openPage();
    const bodies: Record<string, unknown>[] = [];
    await page.route("**/api/v1/query", async (route) => {
      const body = JSON.parse(route.request().postData() ?? "{}");
      if (body.query === "cluster overview") return route.continue();
      bodies.push(body);
      const response = await route.fetch({ postData: JSON.stringify({ ...body, conversation: undefined }) });
      // The server side of conversations is another front end's work: the id is added to the real answer here.
      await route.fulfill({ response, json: { ...(await response.json()), conversation: "c-42" } });
    });
    await open();
    await ask(page, "pods in shop");
    await ask(page, "and the services?");
    expect(bodies.map((body) => body.conversation)).toEqual([undefined, "c-42"]);
    await page.locator("#new-conversation").click();
    await ask(page, "nodes");
    expect(bodies.at(-1)?.conversation).toBeUndefined();
    await context.close();
  });

  it("fits a 400 px phone: no sideways scrolling, long event messages wrap", async () => {
    const { page, context, open, problems } = await openPage({ width: 400, height: 860 });
    await open();
    await ask(page, "events in shop");
    expect(await page.locator("#parts td.wrap").count()).toBeGreaterThan(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/web-ui-phone.png`, fullPage: true });
    await ask(page, "What's wrong in namespace shop?");
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/web-ui-phone-diagnosis.png`, fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });
});
