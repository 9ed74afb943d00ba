import { describe, expect, it } from "vitest";
import { runtimeMemorySettings } from "../../../src/core/diagnose/runtime-memory.js";

const container = (env: { name: string; value?: string }[]) => ({ name: "app", env });

// An OOMKill's first clue is a heap sized near the limit; only the memory flags of a value are repeated.
describe("runtime memory settings beside an OOMKill", () => {
  it.each([
    ["JAVA_OPTS", "-Xmx480m", "JAVA_OPTS -Xmx480m"],
    ["JAVA_TOOL_OPTIONS", "-Xms256m -Xmx1g -Dfoo=bar", "JAVA_TOOL_OPTIONS -Xms256m -Xmx1g"],
    ["JVM_OPTS", "-XX:MaxRAMPercentage=75.0 -server", "JVM_OPTS -XX:MaxRAMPercentage=75.0"],
    [
      "NODE_OPTIONS",
      "--max-old-space-size=4096 --enable-source-maps",
      "NODE_OPTIONS --max-old-space-size=4096",
    ],
    ["GOMEMLIMIT", "900MiB", "GOMEMLIMIT=900MiB"],
    ["HEAP_SIZE", "2g", "HEAP_SIZE=2g"],
  ])("%s=%s", (name, value, said) => {
    expect(runtimeMemorySettings(container([{ name, value }]))).toEqual([said]);
  });
  it("repeats nothing else a value holds, and reads no variable that sizes nothing", () => {
    const settings = runtimeMemorySettings(
      container([
        { name: "JAVA_OPTS", value: "-Xmx480m -Djavax.net.ssl.trustStorePassword=hunter2" },
        { name: "DB_PASSWORD", value: "-Xmx-looking-secret" },
        { name: "HEAP_DUMP_PATH", value: "/tmp/dumps" },
        { name: "FROM_SECRET" },
      ]),
    );
    expect(settings.join(" ")).not.toContain("hunter2");
    expect(settings.join(" ")).not.toContain("/tmp");
    expect(settings.join(" ")).not.toContain("looking-secret");
    expect(settings).toHaveLength(1);
    expect(settings[0]).toBe("JAVA_OPTS -Xmx480m");
  });
  it("is empty for a container with no env", () => {
    expect(runtimeMemorySettings({ name: "app" })).toEqual([]);
    expect(runtimeMemorySettings(undefined)).toEqual([]);
  });
});
