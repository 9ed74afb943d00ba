import { readFileSync } from "node:fs";
import { DockerfileParser, type Instruction } from "dockerfile-ast";
import { describe, expect, it } from "vitest";

const dockerfile = DockerfileParser.parse(readFileSync("Dockerfile", "utf8"));
const instructions = dockerfile.getInstructions();
const froms = dockerfile.getFROMs();
const runtimeStart = instructions.indexOf(froms[froms.length - 1]);
const runtime = instructions.slice(runtimeStart);
const build = instructions.slice(0, runtimeStart);

const keyword = (i: Instruction) => i.getKeyword().toUpperCase();
const content = (i: Instruction) => i.getArgumentsContent() ?? "";
/** The instruction's text after its keyword, flags included (`--from=build /app/dist ./dist`). */
const text = (i: Instruction) => i.getTextContent().replace(/^\s*\S+\s+/, "");
const runs = (stage: Instruction[]) => stage.filter((i) => keyword(i) === "RUN").map(content);

/** An exec-form argument list: `["node", "dist/cli.js"]`. */
function execForm(text: string): string[] {
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed) || !parsed.every((part) => typeof part === "string"))
    throw new Error(`not exec form: ${text}`);
  return parsed;
}

describe("Dockerfile", () => {
  it("builds in one stage and runs from a second, both on a pinned Node 24 slim image", () => {
    expect(froms).toHaveLength(2);
    for (const from of froms) {
      expect(from.getImageName()).toBe("node");
      expect(from.getImageTag()).toMatch(/^24(\.\d+){0,2}-slim$/);
    }
    expect(froms.map((from) => from.getBuildStage())).toEqual(["build", "runtime"]);
  });

  it("compiles in the build stage and installs only production dependencies at run time", () => {
    expect(runs(build)).toContainEqual(expect.stringMatching(/^npm ci\b/));
    expect(runs(build)).toContainEqual(expect.stringMatching(/\bnpm run build\b/));
    const install = runs(runtime).find((run) => /^npm ci\b/.test(run));
    expect(install).toMatch(/--omit=dev/);
    expect(install).toMatch(/--ignore-scripts/);
    expect(runs(runtime).join("\n")).not.toMatch(/npm (install|i) |tsc|npm run build/);
    const copies = runtime.filter((i) => keyword(i) === "COPY").map(text);
    expect(copies).toContainEqual(expect.stringMatching(/^--from=build \/app\/dist \.\/dist$/));
    expect(copies.join("\n")).not.toMatch(/(^|\s)(src|test|\.env|node_modules)(\s|$)/m);
  });

  it("ships what the npm package ships: every runtime COPY is package.json or lies in its `files`", () => {
    const files: string[] = JSON.parse(readFileSync("package.json", "utf8")).files;
    const sources = runtime
      .filter((i) => keyword(i) === "COPY")
      .flatMap((i) =>
        text(i)
          .replace(/^--from=\S+\s+/, "")
          .split(/\s+/)
          .slice(0, -1),
      )
      .map((source) => source.replace(/^\/app\//, "").replace(/^\.\//, ""));
    expect(sources.length).toBeGreaterThan(2);
    for (const source of sources) {
      const shipped =
        ["package.json", "package-lock.json"].includes(source) ||
        files.some((entry) => source === entry || source.startsWith(`${entry}/`));
      expect(shipped, `${source} is copied into the image but not in package.json files`).toBe(true);
    }
  });

  it("runs as a numeric non-root user, after the last root step", () => {
    const users = runtime.filter((i) => keyword(i) === "USER");
    expect(users).toHaveLength(1);
    const [uid, gid] = content(users[0]).split(":");
    expect(Number(uid)).toBeGreaterThan(0);
    expect(Number(gid ?? uid)).toBeGreaterThan(0);
    const userIndex = runtime.indexOf(users[0]);
    expect(runtime.slice(userIndex).some((i) => ["RUN", "COPY", "ADD"].includes(keyword(i)))).toBe(false);
  });

  it("probes /api/v1/health with Node (slim has no curl), exposes 8080 and serves by default", () => {
    const healthcheck = runtime.find((i) => keyword(i) === "HEALTHCHECK");
    expect(healthcheck).toBeDefined();
    const probe = text(healthcheck!).replace(/^(--\S+\s+|\\\s+)*CMD\s+/, "");
    const command = execForm(probe);
    expect(command[0]).toBe("node");
    expect(command.join(" ")).toContain("/api/v1/health");
    expect(command.join(" ")).not.toMatch(/curl|wget/);
    expect(runtime.filter((i) => keyword(i) === "EXPOSE").map(content)).toEqual(["8080"]);
    const cmd = runtime.filter((i) => keyword(i) === "CMD");
    expect(execForm(content(cmd[cmd.length - 1]))).toEqual(["node", "dist/cli.js", "serve"]);
    const entrypoint = runtime.filter((i) => keyword(i) === "ENTRYPOINT");
    expect(execForm(content(entrypoint[entrypoint.length - 1]))).toEqual(["/app/scripts/container-start.sh"]);
  });

  it("bakes in no secret: no ENV or ARG with a secret-looking name or value", () => {
    const settings = instructions
      .filter((i) => ["ENV", "ARG", "LABEL"].includes(keyword(i)))
      .flatMap((i) => i.getArguments().map((a) => a.getValue()));
    expect(settings.length).toBeGreaterThan(0);
    for (const setting of settings) {
      const [name, value = ""] = setting.split("=");
      expect(name).not.toMatch(
        /TOKEN|SECRET|KEY|PASSWORD|CREDENTIAL|SLACK|OPENAI|HUNYUAN|TENCENT|REDIS_URL/i,
      );
      expect(value).not.toMatch(/^(xox[abp]-|xapp-|sk-)|:\/\/[^/\s]*:[^@\s]+@/);
    }
  });

  it("keeps writable state out of the image: HOME is /tmp, the only path the chart mounts writable", () => {
    const env = runtime
      .filter((i) => keyword(i) === "ENV")
      .flatMap((i) => i.getArguments().map((a) => a.getValue()));
    expect(env).toContain("HOME=/tmp");
    expect(env).toContain("NODE_ENV=production");
  });
});

describe(".dockerignore", () => {
  const patterns = readFileSync(".dockerignore", "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"));

  it.each(["node_modules", ".git", ".env", "dist", ".node24"])(
    "excludes %s from the build context",
    (path) => {
      expect(patterns).toContain(path);
    },
  );

  it("keeps what the build copies", () => {
    const copied = instructions
      .filter((i) => keyword(i) === "COPY" && !text(i).startsWith("--from"))
      .flatMap((i) =>
        i
          .getArguments()
          .slice(0, -1)
          .map((a) => a.getValue()),
      );
    expect(copied.length).toBeGreaterThan(0);
    for (const path of copied)
      expect(patterns.some((p) => p === path || path.startsWith(`${p}/`))).toBe(false);
  });
});
