import { describe, expect, it } from "vitest";
import { envNameSaysSecret, isSecretKey, MASK, redactText } from "../../../src/core/redact.js";

/** Every shape the red team got through, with the value `Zq9vLm2x…` planted where the secret sits. */
const SECRET = "Zq9vLm2xQ7";
const b64 = (text: string) => Buffer.from(text).toString("base64");

const LEAKED_SHAPES: [string, string][] = [
  ["DB_PASS", `DB_PASS=${SECRET}`],
  ["密码 key", `密码=${SECRET}`],
  ["数据库密码=", `数据库密码=${SECRET} 端口=5432`],
  ["SECRET_KEY_BASE", `SECRET_KEY_BASE=${SECRET}`],
  ["ADMIN_PASSWORD_1", `ADMIN_PASSWORD_1: ${SECRET}`],
  ["TOKEN_VALUE", `TOKEN_VALUE=${SECRET}`],
  ["MYSQL_ROOT_PASS", `MYSQL_ROOT_PASS=${SECRET}`],
  ["passphrase", `passphrase: "${SECRET}"`],
  ["ssh_key", `ssh_key=${SECRET}`],
  ["ENCRYPTION_KEY", `ENCRYPTION_KEY=${SECRET}`],
  ["pw=", `login ok pw=${SECRET} user=bob`],
  ["mysql -pVALUE", `mysql -h db -uroot -p${SECRET} orders`],
  ["--password VALUE", `migrate --password ${SECRET} --verbose`],
  ["--client-secret=VALUE", `oidc --client-secret=${SECRET}`],
  ["curl -u admin:VALUE", `curl -u admin:${SECRET} https://api.local/x`],
  ["URL password with @ and /", `postgres://app:${SECRET}@x/y@db:5432/orders`],
  ["URL password", `amqp://guest:${SECRET}@rabbit:5672/`],
  ["Go DSN", `dsn app:${SECRET}@tcp(mysql:3306)/orders?parseTime=true`],
  ["lowercase bearer", `authorization: bearer ${SECRET}abc`],
  ["lowercase basic in prose", `sent basic ${b64(`admin:${SECRET}`)} upstream`],
  ["Authorization: Token", `Authorization: Token ${SECRET}`],
  ["X-Auth-Token", `X-Auth-Token: ${SECRET}`],
  ["X-Api-Key", `X-Api-Key: ${SECRET}`],
  ["Cookie", `Cookie: theme=dark; sid=${SECRET}`],
  ["Set-Cookie", `Set-Cookie: session=${SECRET}; Path=/; HttpOnly`],
  ["escaped JSON in a string", `{"log":"{\\"password\\":\\"${SECRET}\\",\\"user\\":\\"bob\\"}"}`],
  ["YAML block scalar, later lines", `config:\n  password: |\n    first\n    ${SECRET}\n  port: 1`],
  ["quoted value with spaces", `password: "correct horse ${SECRET}"`],
  ["single-quoted value with spaces", `secret='a b ${SECRET}'`],
  [
    "PGP private key",
    `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBF${SECRET}\n=abcd\n-----END PGP PRIVATE KEY BLOCK-----`,
  ],
  [
    "PEM key split across lines",
    `key follows\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1r\n${SECRET}\n-----END OPENSSH PRIVATE KEY-----`,
  ],
  ["PEM key in escaped JSON", `"-----BEGIN PRIVATE KEY-----\\nMIIE${SECRET}\\n-----END PRIVATE KEY-----\\n"`],
  ["JWT split across lines", `id_token=\neyJhbGciOiJIUzI1NiJ9.\neyJzdWIiOiIxMjM0In0.\n${SECRET}sig`],
  ["JWT signature on the next line", `jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.\n${SECRET}sig`],
  ["Slack webhook", `https://hooks.slack.com/services/T0AAA/B0BBB/${SECRET}abcd`],
  ["Discord webhook", `https://discord.com/api/webhooks/1234/${SECRET}abcd`],
  [
    "Azure AccountKey",
    `DefaultEndpointsProtocol=https;AccountName=a;AccountKey=${SECRET}+x/y==;EndpointSuffix=c`,
  ],
  ["Sentry DSN", `SENTRY https://${SECRET}0123456789abcdef@o1.ingest.sentry.io/42`],
  ["full-width 密码：", `用户 bob 密码：${SECRET}`],
  ["base64 of key=value", `data ${b64(`password=${SECRET}`)}`],
  ["base64 of a URL", `conn=${b64(`redis://:${SECRET}@redis:6379`)}`],
  ["docker config auth", `{"auths":{"reg.local":{"auth":"${b64(`bob:${SECRET}`)}"}}}`],
  ["env pair in JSON", `{"name":"DB_PASS","value":"${SECRET}"}`],
  ["env pair in YAML", `- name: SMTP_PW\n  value: ${SECRET}`],
  ["connection string", `ConnectionString=Server=x;Password=${SECRET};`],
  ["vendor token: GitHub", `token ghp_${SECRET}abcdefghijklmnop`],
  ["vendor token: Stripe webhook", `whsec_${SECRET}abcdefghij`],
  ["vendor token: npm", `//registry/:_authToken=npm_${SECRET}abcdefghijklmnopqrstu`],
  ["vendor token: Hugging Face", `HF hf_${SECRET}abcdefghijklmnopqrstuvwx`],
  ["vendor token: Vault", `vault hvs.${SECRET}abcdefghijklmn`],
  ["query-string token", `GET /cb?code=1&access_token=${SECRET}&state=2`],
];

describe("redactText masks every shape the red team leaked", () => {
  it.each(LEAKED_SHAPES)("%s", (_name, text) => {
    const redacted = redactText(text);
    expect(redacted).not.toContain(SECRET);
    expect(redacted).toContain("****");
  });

  it.each(LEAKED_SHAPES)("is idempotent on %s", (_name, text) => {
    const once = redactText(text);
    expect(redactText(once)).toBe(once);
  });
});

/** Text that must read as it is: names of things that contain secret words, prose, references. */
const READABLE = [
  "token expired at 5",
  "Deployment auth/token-service: 0/1 replicas available",
  "why is deployment token-service failing in auth: it is crash looping",
  "configmap password-policy in default: 3 keys",
  "pod token-refresher-0 in auth: Running",
  "secretKeyRef:\n  name: db\n  key: password",
  "    SecretName:  db-credentials",
  "      DB_PASSWORD:  <set to the key 'password' in secret 'db-credentials'>  Optional: false",
  "bearer authentication failed for user bob",
  "GET /healthz 200 12ms",
  "image: ghcr.io/acme/api@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
  "https://user@github.com/acme/repo.git",
  "KEY_FILE=/etc/tls/tls.key",
  "密码策略：至少12位",
  "password: ****",
];

describe("redactText leaves readable text alone", () => {
  it.each(READABLE)("%j", (text) => {
    expect(redactText(text)).toBe(text);
  });
});

describe("names", () => {
  it.each([
    "DB_PASS",
    "MYSQL_ROOT_PASS",
    "SECRET_KEY_BASE",
    "ADMIN_PASSWORD_1",
    "TOKEN_VALUE",
    "passphrase",
    "ssh_key",
    "AccountKey",
    "x-api-key",
    "数据库密码",
    "dbpassword",
  ])("isSecretKey(%s)", (key) => {
    expect(isSecretKey(key)).toBe(true);
  });

  it.each([
    "secretName",
    "secretKeyRef",
    "token-service",
    "password-policy",
    "tokenExpirationSeconds",
    "密码策略",
  ])("not isSecretKey(%s)", (key) => {
    expect(isSecretKey(key)).toBe(false);
  });

  it.each([
    "DB_PASS",
    "SMTP_PW",
    "LDAP_PWD",
    "OAUTH_CLIENT",
    "GITHUB_TOKEN",
    "JWT_SECRET",
    "STRIPE_KEY",
    "GOOGLE_CREDENTIALS",
    "SENTRY_DSN",
    "COOKIE_SIGNING",
    "SESSION_STORE",
    "SSH_PRIVATE",
    "TLS_CERT",
    "管理员密码",
    "加密密钥",
    "访问令牌",
  ])("an env var named %s holds a secret", (name) => {
    expect(envNameSaysSecret(name)).toBe(true);
  });

  it.each(["LOG_LEVEL", "PORT", "KEY_FILE", "TOKEN_PATH", "SECRET_NAME", "DB_HOST"])(
    "an env var named %s is readable",
    (name) => {
      expect(envNameSaysSecret(name)).toBe(false);
    },
  );
  expect(MASK).toBe("****");
});
