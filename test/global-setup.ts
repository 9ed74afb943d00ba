import { existsSync } from "node:fs";
import { execFileSync } from "node:child_process";

/** Tests that spawn the CLI need dist/; `npm ci` builds it through `prepare`, this covers a stale checkout. */
export default function setup(): void {
  if (!existsSync("dist/cli.js")) execFileSync("npm", ["run", "build"], { stdio: "inherit" });
}
