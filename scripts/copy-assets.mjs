// Copies non-TypeScript assets (web UI files, sample RBAC rules) from src/ to dist/ after tsc,
// and makes the `k8helper` bin executable (tsc writes it 0644).
import { chmodSync, cpSync, existsSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const assetExtensions = [".html", ".css", ".js", ".yaml", ".json", ".svg"];

function copyAssets(dir) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) copyAssets(path);
    else if (assetExtensions.some((ext) => entry.endsWith(ext)) && !entry.endsWith(".d.ts")) {
      cpSync(path, join("dist", relative("src", path)));
    }
  }
}

if (existsSync("src")) copyAssets("src");

if (existsSync("dist/cli.js")) chmodSync("dist/cli.js", 0o755);
