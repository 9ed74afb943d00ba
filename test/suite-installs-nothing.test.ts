import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|mjs|js)$/.test(entry.name) ? [path] : [];
  });
}

describe("the test suite installs nothing itself", () => {
  it("no test or helper runs a package manager (.ci/run installs what the suite needs)", () => {
    const systemInstall = /(exec|spawn)\w*\(\s*["'`](apt-get|apt|dpkg|pip3?)["'`]/;
    const npmInstall = /(exec|spawn)\w*\(\s*["'`]npm["'`]\s*,\s*\[\s*["'`](install|i|ci|add)["'`]/;
    const offenders = sources("test").filter((path) => {
      const text = readFileSync(path, "utf8");
      return systemInstall.test(text) || npmInstall.test(text);
    });
    expect(offenders).toEqual([]);
  });

  it(".ci/run installs every system tool the suite runs", () => {
    const ci = readFileSync(".ci/run", "utf8");
    for (const tool of ["redis-server", "chromium", "fonts-wqy-zenhei", "kubernetes-client", "openssl"]) {
      expect(ci).toContain(`missing+=(${tool})`);
    }
  });
});
