import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningHttpServer } from "../../src/frontends/http/server.js";
import { type HttpStack, serveHttp, startHttpStack } from "../frontends/http/start-http-stack.js";
import { kubectlNames } from "../helpers/kubectl.js";

const CHROMIUM = "/usr/bin/chromium";
/** Without the background-networking flags Chromium keeps dialling out, and this machine's network refuses it. */
const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const TOKEN = "web-ui-test-token-42";

let stack: HttpStack;
let guarded: RunningHttpServer;
let context: BrowserContext;
let profile: string;

/** Debian's Chromium (and a CJK font so Chinese renders in screenshots): `.ci/run` installs them, the test does not. */
function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  throw new Error(
    `${CHROMIUM} is missing: run .ci/run, which installs what the suite needs, or \`apt-get install -y --no-install-recommends chromium fonts-wqy-zenhei\``,
  );
}

beforeAll(async () => {
  ensureChromium();
  stack = await startHttpStack();
  guarded = await serveHttp(stack, { settings: { apiToken: TOKEN } });
  profile = mkdtempSync(join(tmpdir(), "k8helper-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  mkdirSync("test-results", { recursive: true });
}, 600_000);

afterAll(async () => {
  await context?.close();
  await guarded?.close();
  await stack?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

async function openPage(url = stack.url): Promise<Page> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(String(error)));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  await page.goto(`${url}/`);
  (page as Page & { problems: string[] }).problems = problems;
  return page;
}

async function columnTexts(page: Page, column: number): Promise<string[]> {
  return page.locator(`#parts table >> nth=0 >> tbody tr td:nth-child(${column + 1})`).allTextContents();
}

describe("the web page in Chromium", () => {
  it("answers a typed seed question with a table of the cluster's services, showing work in progress", async () => {
    const page = await openPage();
    // Hold the request until the working state has been checked, however slow the machine.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route("**/api/v1/query", async (route) => {
      await held;
      await route.continue();
    });
    await page.locator("#question").fill("查看kube-system命名空间中的服务");
    await page.locator("#ask").click();
    await expect.poll(() => page.locator("#working").isVisible()).toBe(true);
    expect(await page.locator("#working").textContent()).toMatch(/^Working…/);
    expect(await page.locator("#ask").isDisabled()).toBe(true);
    release();

    await page.waitForSelector("#parts table tbody tr");
    expect(await page.locator("#working").isVisible()).toBe(false);
    expect((await page.locator("#summary").textContent())?.length).toBeGreaterThan(0);
    const names = (await columnTexts(page, 0)).sort();
    expect(names).toEqual(await kubectlNames(stack.cluster.kubeconfigPath, "services", "kube-system"));

    await page.screenshot({ path: "test-results/web-ui.png", fullPage: true });
    expect((page as Page & { problems: string[] }).problems).toEqual([]);
    await page.close();
  });

  it("sorts a table by a clicked header, and reverses on a second click", async () => {
    const page = await openPage();
    await page.locator("#question").fill("show the pods in kube-system");
    await page.locator("#ask").click();
    await page.waitForSelector("#parts table tbody tr");
    const names = await columnTexts(page, 0);
    expect([...names].sort()).toEqual(
      await kubectlNames(stack.cluster.kubeconfigPath, "pods", "kube-system"),
    );

    const header = page.locator("#parts table >> nth=0 >> th button").first();
    const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
    await header.click();
    expect(await columnTexts(page, 0)).toEqual([...names].sort(collator.compare));
    await header.click();
    expect(await columnTexts(page, 0)).toEqual([...names].sort(collator.compare).reverse());
    expect(await page.locator("#parts th").first().getAttribute("aria-sort")).toBe("descending");
    await page.close();
  });

  it("keeps the details collapsed until asked, and lists the calls made", async () => {
    const page = await openPage();
    await page.getByRole("button", { name: "List the nodes" }).click();
    await page.waitForSelector("#parts table tbody tr");
    expect(await page.locator("#details").getAttribute("open")).toBeNull();
    expect(await page.locator("#calls").isVisible()).toBe(false);
    await page.locator("#details summary").click();
    expect(await page.locator("#calls").isVisible()).toBe(true);
    expect(await page.locator("#calls").textContent()).toContain("get_resources");
    expect(await page.locator("#facts").textContent()).toContain("builtin");
    await page.close();
  });

  it("remembers recent questions in the browser across reloads", async () => {
    const page = await openPage();
    await page.locator("#question").fill("该集群有多少Pod？");
    await page.locator("#ask").click();
    await page.waitForSelector("#answer:not([hidden])");
    await page.reload();
    const recent = await page.locator("#recent button").allTextContents();
    expect(recent[0]).toBe("该集群有多少Pod？");
    await page.locator("#clear-recent").click();
    expect(await page.locator("#recent button").count()).toBe(0);
    await page.close();
  });

  it("shows errors plainly: a missing API token, then answers once it is given", async () => {
    const page = await openPage(guarded.url);
    await page.locator("#question").fill("List the nodes");
    await page.locator("#ask").click();
    await page.waitForSelector("#error:not([hidden])");
    expect(await page.locator("#error").textContent()).toContain("API token");
    expect(await page.locator("#token-row").isVisible()).toBe(true);
    await page.locator("#token").fill(TOKEN);
    await page.locator("#ask").click();
    await page.waitForSelector("#parts table tbody tr");
    expect(await page.locator("#error").isVisible()).toBe(false);
    await page.close();
  });

  it("renders hostile text as text, never as markup", async () => {
    const page = await openPage();
    await page.locator("#question").fill('<img src=x onerror="window.__owned=1"> pods in kube-system');
    await page.locator("#ask").click();
    await page.waitForSelector("#answer:not([hidden]), #error:not([hidden])");
    expect(await page.evaluate(() => (window as unknown as { __owned?: number }).__owned)).toBeUndefined();
    expect(await page.locator("main img").count()).toBe(0);
    await page.close();
  });
});
