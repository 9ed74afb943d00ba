import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = join(import.meta.dirname, "../..");
const npm = "npm";
const work = mkdtempSync(join(tmpdir(), "k8helper-pack-"));
const prefix = join(work, "prefix");
const kubeconfig = join(work, "demo.kubeconfig");
const env = { ...process.env, KUBECONFIG: "", OPENAI_API_KEY: "", HUNYUAN_API_KEY: "", K8HELPER_PLANNER: "" };
let demo: ChildProcess | undefined;

afterAll(() => {
  demo?.kill("SIGTERM");
  rmSync(work, { recursive: true, force: true });
});

/** Starts `k8helper demo-cluster` from the installed package and resolves once it printed its kubeconfig. */
function startDemoCluster(bin: string): Promise<string> {
  return new Promise((resolve, reject) => {
    demo = spawn(bin, ["demo-cluster", "--kubeconfig-out", kubeconfig], { env });
    let out = "";
    demo.stdout?.on("data", (chunk) => {
      out += chunk;
      if (out.includes("Ctrl-C stops it.")) resolve(out);
    });
    demo.on("close", (status) => reject(new Error(`demo-cluster exited ${status}: ${out}`)));
  });
}

describe("the packed tarball, installed into an empty prefix", () => {
  it("installs and runs k8helper --version, demo-cluster and ask", { timeout: 300_000 }, async () => {
    // dist/ is built by the test setup; --ignore-scripts keeps `prepare` from rebuilding it under other tests.
    await run(npm, ["pack", "--ignore-scripts", "--pack-destination", work], { cwd: root, env });
    const tarball = readdirSync(work).find((file) => file.endsWith(".tgz"));
    expect(tarball).toBeDefined();
    const install = await run(
      npm,
      [
        "install",
        "--global",
        "--prefix",
        prefix,
        "--no-audit",
        "--no-fund",
        "--prefer-offline",
        join(work, tarball!),
      ],
      { env, maxBuffer: 16 * 1024 * 1024 },
    );
    expect(install.stderr).not.toMatch(/install-scripts|ERR!/);
    const bin = join(prefix, "bin", "k8helper");

    const version = await run(bin, ["--version"], { env });
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version);

    const banner = await startDemoCluster(bin);
    expect(banner).toContain(kubeconfig);
    const answer = await run(bin, ["ask", "--kubeconfig", kubeconfig, "-o", "json", "pods in kube-system"], {
      env,
    });
    const parsed = JSON.parse(answer.stdout);
    expect(parsed.error).toBeUndefined();
    expect(JSON.stringify(parsed.parts)).toContain("coredns");
  });
});

describe("package.json", () => {
  it("settles every install script in the lockfile through allowScripts (npm ci stays quiet)", () => {
    const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8"));
    const withScripts = Object.entries(lock.packages as Record<string, { hasInstallScript?: boolean }>)
      .filter(([path, entry]) => path !== "" && entry.hasInstallScript)
      .map(([path]) => path.split("node_modules/").pop()!);
    expect(withScripts.length).toBeGreaterThan(0);
    for (const name of withScripts) expect(Object.keys(manifest.allowScripts ?? {})).toContain(name);
  });
});
