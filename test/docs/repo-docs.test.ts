import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");
/** CI checks the repository out beside the team's `shared` folder, the contract the copies follow. */
const shared = resolve(root, "../shared");

const copies: Array<[inRepo: string, inShared: string]> = [
  ["docs/TOOLS.md", "docs/TOOLS.md"],
  ["docs/ARCHITECTURE.md", "docs/ARCHITECTURE.md"],
  ["docs/STYLE.md", "docs/STYLE.md"],
  ["docs/API-NOTES.md", "docs/API-NOTES.md"],
  ["eval/planner-dev.jsonl", "eval/planner-dev.jsonl"],
];

/** Markdown links and images (outside code) that are not URLs or in-page anchors. */
function localLinks(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "");
  const targets = [...prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((match) => match[1]);
  return targets.filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith("#"));
}

const markdownFiles = [
  "README.md",
  ...readdirSync(join(root, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
];

describe("the repository carries its own docs", () => {
  it.each(copies)(
    "%s is there and is the shared contract's copy when ../shared exists",
    (inRepo, inShared) => {
      const copy = readFileSync(join(root, inRepo), "utf8");
      expect(copy.length).toBeGreaterThan(100);
      const original = join(shared, inShared);
      if (existsSync(original))
        expect(copy, `copy ${original} to ${inRepo}`).toBe(readFileSync(original, "utf8"));
    },
  );

  it.each(markdownFiles)("every local link in %s points at a file inside the repository", (file) => {
    const links = localLinks(readFileSync(join(root, file), "utf8"));
    for (const link of links) {
      const target = normalize(join(dirname(join(root, file)), decodeURI(link.split("#")[0])));
      const inside = !relative(root, target).startsWith("..");
      expect(inside, `${file} links outside the repository: ${link}`).toBe(true);
      expect(existsSync(target), `${file} links a missing file: ${link}`).toBe(true);
    }
  });

  it("finds the README's links (the check above is not vacuous)", () => {
    expect(localLinks(readFileSync(join(root, "README.md"), "utf8"))).toContain("docs/TOOLS.md");
    expect(localLinks("[a](../shared/x.md) [b](https://x.example) [c](#top)")).toEqual(["../shared/x.md"]);
  });
});
