import { describe, expect, it } from "vitest";
import { isSecretKey, MASK, redactText, redactValue } from "../../src/core/redact.js";

describe("redactText", () => {
  it.each([
    ["DB_PASSWORD=hunter2 port=5432", "hunter2", "port=5432"],
    ['password: "s3cret!"', "s3cret!", "password"],
    ['{"api_key": "abc123xyz"}', "abc123xyz", "api_key"],
    ["spring.datasource.password=Lm2#Vx9qTr5Wz8", "Lm2#Vx9qTr5Wz8", "spring.datasource.password"],
    ["postgres://app:pa55w0rd@db:5432/x", "pa55w0rd", "postgres://app:****@db:5432/x"],
    ["redis://:rK7pX3vN9qW2@redis:6379/0", "rK7pX3vN9qW2", "redis://"],
    ["Authorization: Bearer abcdefghijkl.mnop", "abcdefghijkl", "Bearer ****"],
    ["token xoxb-1234-5678-abcdef here", "xoxb-1234-5678-abcdef", "here"],
    ["key sk-proj-abcdefghijklmnop1234", "sk-proj-abcdefghijklmnop1234", "key"],
    ["id AKIAABCDEFGHIJKLMNOP", "AKIAABCDEFGHIJKLMNOP", "id"],
    ["jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.abc_def", "eyJzdWIiOiIxMjM0In0", "jwt"],
    ["stripe sk_live_51NzQ8cJ4tRvW2yXbM6pLh3Ks", "sk_live_51NzQ8cJ4tRvW2yXbM6pLh3Ks", "stripe"],
    ['{"name":"DB_PASSWORD","value":"Qv8!mTz3#LpW6yRd"}', "Qv8!mTz3#LpW6yRd", "DB_PASSWORD"],
    ["-----BEGIN RSA PRIVATE KEY-----\nMIIEabc\n-----END RSA PRIVATE KEY-----", "MIIEabc", "PRIVATE KEY"],
  ])("masks the secret in %j", (text, secret, kept) => {
    const redacted = redactText(text);
    expect(redacted).not.toContain(secret);
    expect(redacted).toContain(kept);
    expect(redacted).toContain(MASK);
  });

  it.each([
    "token expired at 5",
    "secretKeyRef:\n  name: db\n  key: password",
    "GET /healthz 200 12ms",
    "password: ****",
  ])("leaves %j as it is", (text) => {
    expect(redactText(text)).toBe(text);
  });

  it("is idempotent", () => {
    const once = redactText("password=abc postgres://u:p4ss@h/db");
    expect(redactText(once)).toBe(once);
  });
});

describe("redactValue", () => {
  it("masks env literals named like secrets and keeps secretKeyRef as a reference", () => {
    const manifest = {
      env: [
        { name: "DB_PASSWORD", value: "x1y2z3" },
        { name: "LOG_LEVEL", value: "debug" },
        { name: "API_KEY", valueFrom: { secretKeyRef: { name: "api", key: "password" } } },
      ],
      data: { token: "zz-top", secretName: "tls-cert", "app.conf": "db.password=abc\nport=1" },
    };
    expect(redactValue(manifest)).toEqual({
      env: [
        { name: "DB_PASSWORD", value: MASK },
        { name: "LOG_LEVEL", value: "debug" },
        { name: "API_KEY", valueFrom: { secretKeyRef: { name: "api", key: "password" } } },
      ],
      data: { token: MASK, secretName: "tls-cert", "app.conf": `db.password=${MASK}\nport=1` },
    });
  });

  it.each([
    ["DB_PASSWORD", true],
    ["apiKey", true],
    ["client-secret", true],
    ["AWS_SECRET_ACCESS_KEY", true],
    ["webhook-token", true],
    ["secretName", false],
    ["secretKeyRef", false],
    ["tokenExpirationSeconds", false],
    ["name", false],
  ])("isSecretKey(%s) is %s", (key, expected) => {
    expect(isSecretKey(key)).toBe(expected);
  });
});
