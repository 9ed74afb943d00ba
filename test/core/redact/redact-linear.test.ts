import { describe, expect, it } from "vitest";
import { scanText } from "../../../src/core/redact/scan-text.js";

/**
 * Linear time, shown by the redactor's own step count (characters examined, look-ups included) rather than by a
 * clock: for each input shape that made the old regex redactor quadratic, 1 MB costs at most ten times 100 KB
 * and a small constant per character.
 */
const repeatTo = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

const SHAPES: Record<string, string> = {
  "one long token": "a",
  "word run with dots and dashes": "a.b-c_",
  "secret words without separators": "password.token-",
  "keys with no value": "password= ",
  "names watched for env pairs": "name=",
  "unclosed quotes after secret keys": 'password="x ',
  "URL schemes without @": "a://b:",
  "URL userinfo without colon": "x://a/",
  "user:pass without @": "a:b:",
  "JWT starts": "eyJ-",
  "bearer words": "bearer ",
  "base64 runs": "QUJD+",
  slashes: "/ab",
  "PEM headers without END": "-----BEGIN PRIVATE KEY-----\n",
  "mysql -p": "mysql -p",
  "curl -u": "-u a ",
  "webhook paths": "hooks.a/",
  "block scalars": "password: |\n",
  "CJK keys": "密码密码：",
  "escaped quotes": '\\"password\\":\\"',
};

describe("redactText runs in linear time", () => {
  it.each(Object.entries(SHAPES))("%s: 1 MB costs ~10× 100 KB", (_shape, unit) => {
    const small = scanText(repeatTo(unit, 100_000));
    const large = scanText(repeatTo(unit, 1_000_000));
    expect(large.steps / small.steps).toBeLessThan(11);
    expect(large.steps / 1_000_000).toBeLessThan(40);
  });

  it("a 250,000-character token in a log line is one pass", () => {
    const line = `2026-01-01T00:00:00Z INFO token=${"x".repeat(250_000)} done\n`;
    const { text, steps } = scanText(line);
    expect(text).toContain("token=**** done");
    expect(steps / line.length).toBeLessThan(10);
  });
});
