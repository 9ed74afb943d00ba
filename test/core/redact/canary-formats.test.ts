import { describe, expect, it } from "vitest";
import { redactText } from "../../../src/core/redact.js";

/**
 * Canaries in the formats people actually leak (config files, CLIs, vendor tokens, connection strings), each
 * with the planted value `CANARY…`. KNOWN_MISSES are shapes the redactor does not catch yet: the test fails
 * when one of them starts being masked too (move it to CANARIES) as well as when a canary leaks.
 */
const C = "CANARYq7Zp2Lm9";
const b64 = (text: string) => Buffer.from(text).toString("base64");

const CANARIES: Record<string, string> = {
  "AWS credentials file": `[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${C}/K7MDENG/bPxRfiCY`,
  "GCP service account JSON": `{"type":"service_account","private_key":"-----BEGIN PRIVATE KEY-----\\nMII${C}\\n-----END PRIVATE KEY-----\\n"}`,
  "kubeconfig user token": `users:\n- name: admin\n  user:\n    token: ${C}abcdef`,
  "kubeconfig client key data": `    client-key-data: ${b64(`-----BEGIN RSA PRIVATE KEY-----\n${C}\n`)}`,
  ".npmrc": `//registry.npmjs.org/:_authToken=${C}-abcdef`,
  ".pgpass-style env": `PGPASSWORD=${C}`,
  MYSQL_PWD: `MYSQL_PWD=${C}`,
  "JDBC URL query": `jdbc:postgresql://db:5432/app?user=app&password=${C}&ssl=true`,
  "MongoDB SRV URL": `mongodb+srv://app:${C}@cluster0.mongodb.net/app`,
  "AMQP URL": `amqps://user:${C}@mq.internal:5671/vhost`,
  "Docker registry auth": `{"auths":{"ghcr.io":{"auth":"${b64(`bot:${C}`)}"}}}`,
  "AWS SigV4 header": `Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/us-east-1/s3/aws4_request, Signature=${C}`,
  "Azure SAS query": `https://acct.blob.core.windows.net/c?sv=2022-11-02&sp=r&sig=${C}%3D`,
  "Anthropic key": `ANTHROPIC sk-ant-api03-${C}abcdefghij`,
  "OpenAI project key": `using sk-proj-${C}abcdefghij`,
  "GitHub fine-grained PAT": `github_pat_11ABCDEFG0${C}abcdefghijklmnop`,
  "GitLab PAT": `glpat-${C}abcdefgh`,
  "Slack bot token": `xoxb-123456789012-${C}`,
  "Slack app token": `xapp-1-A0123-${C}`,
  "Stripe restricted key": `rk_live_${C}abcdefghij`,
  "SendGrid key": `SG.${C}abcdefghijk.${C}abcdefghijklmnopqrstu`,
  "Google API key": `AIzaSy${C}abcdefghijklmnopqrstu`,
  "Hashicorp Vault token": `VAULT_TOKEN=hvs.${C}abcdefghij`,
  "Spring datasource": `spring.datasource.password=${C}`,
  "Rails master key": `RAILS_MASTER_KEY=${C}`,
  "Django secret key": `SECRET_KEY = '${C}!x@y'`,
  "JWT in a header": `Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIke0N9In0.${C}`,
  "cookie jar line": `Set-Cookie: _session_id=${C}; path=/; secure`,
  "helm --set": `helm upgrade app ./chart --set db.password=${C}`,
  "psql connection string": `psql "host=db user=app password=${C} dbname=app"`,
  "redis URL without user": `REDIS_URL=redis://:${C}@redis:6379/0`,
  "Go DSN in a log": `dial app:${C}@tcp(mysql:3306)/orders failed`,
  "Chinese config": `数据库密码：${C}`,
  "YAML block secret": `tls.key: |\n  -----BEGIN EC PRIVATE KEY-----\n  ${C}\n  -----END EC PRIVATE KEY-----`,
};

const KNOWN_MISSES: Record<string, string> = {
  ".netrc (password separated by a space)": `machine api.example.com login bob password ${C}`,
  "redis-cli -a": `redis-cli -h redis -a ${C} ping`,
  "htpasswd line": `admin:$apr1$${C}$abcdefgh`,
  "Telegram bot token": `bot 123456789:AAH${C}abcdefghijklmnopq`,
  "password in English prose": `the new password is ${C}`,
  "password in Chinese prose": `新密码是${C}`,
  "Twilio key without a prefix rule": `twilio SK${C}0123456789abcdef0123`,
  "GCP private_key_id": `"private_key_id": "${C}abcdef"`,
};

describe("canaries in leaked formats", () => {
  it.each(Object.entries(CANARIES))("masks %s", (_format, text) => {
    expect(redactText(text)).not.toContain(C);
  });

  it.each(Object.entries(KNOWN_MISSES))("known miss (still unmasked): %s", (_format, text) => {
    expect(redactText(text)).toContain(C);
  });
});
