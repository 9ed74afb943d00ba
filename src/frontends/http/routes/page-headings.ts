import type { Express } from "express";
import { CHINESE_HEADINGS, CHINESE_TITLES } from "../../../core/summary/chinese-headings.js";

/** GET /chinese-headings.js: the core's Chinese headings as an ES module for the page, so the list lives once. */
export function mountPageHeadingsRoute(app: Express): void {
  const module = [
    `export const CHINESE_HEADINGS = ${JSON.stringify(CHINESE_HEADINGS)};`,
    `export const CHINESE_TITLES = ${JSON.stringify(CHINESE_TITLES)};`,
    "",
  ].join("\n");
  app.get("/chinese-headings.js", (_req, res) => {
    res.type("text/javascript").send(module);
  });
}
