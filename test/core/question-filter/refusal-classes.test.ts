import { describe, expect, it } from "vitest";
import { checkQuestionPolicy } from "../../../src/core/policy.js";

/**
 * The classes a fresh outside set found, generated over any object name and any key name, in English, Chinese
 * and mixed, both directions: where the verb stands (after its object, after 把, with a result after it), a
 * change said as "make X do Y" or "again", a secret value asked for by its key's name (snake, camel, dotted,
 * annotation keys) are refused; restrictive remarks (names only, explain only, 不要 restart), a write verb used
 * as a noun, a quoted text searched for, and when something holding credentials last changed are answered.
 */
const languageOf = (text: string) => (/[\u4e00-\u9fff]/.test(text) ? "zh" : "en");
const refusalOf = (text: string) => checkQuestionPolicy(text, languageOf(text));

const NAMES = [
  "catalog",
  "backup-postgres",
  "token-service",
  "password-reset-api",
  "secret-scanner",
  "api-keys-sync",
  "delete-old-backups",
  "restart-watcher",
  "scale-tester",
  "credentials-rotator",
  "demo-worker-1",
];

/** Keys that hold a secret value, spelled the ways configurations spell them. */
const SECRET_WORDS = ["password", "token", "secret", "passwd", "api key", "private key"];
const KEYS = SECRET_WORDS.flatMap((word) => {
  const parts = ["app", ...word.split(" ")];
  const camel = parts.map((part, i) => (i === 0 ? part : part[0].toUpperCase() + part.slice(1))).join("");
  return [
    parts.join("_").toUpperCase(),
    camel,
    `app.datasource.${parts.slice(1).join("-")}`,
    `example.org/${parts.join("-")}`,
  ];
});

const WRITES = [
  (x: string) => `${x} scale 到 0`,
  (x: string) => `${x} scale to 0`,
  (x: string) => `把 ${x} 这个 deployment restart 一下`,
  (x: string) => `把 ${x} 这个 cronjob suspend 掉`,
  (x: string) => `${x} 这个 deployment rollback 到上一个版本`,
  (x: string) => `给 ${x} 打个 team=payments 的标签`,
  (x: string) => `给 ${x} 加一个 owner=ops 的注解`,
  (x: string) => `can you make the ${x} deployment use image v2.3.0 instead`,
  (x: string) => `make ${x} have 0 replicas`,
  (x: string) => `rerun the ${x} job`,
  (x: string) => `please re-apply ${x}`,
  (x: string) => `retry ${x} now`,
  (x: string) => `不要 describe，直接把 ${x} 删了`,
  // A-not-A questions ask for the verb; their 不能, 不要, 不会 is no prohibition.
  (x: string) => `能不能重启一下${x}`,
  (x: string) => `能不能给我一个${x}的shell？`,
  (x: string) => `要不要把 ${x} 删了`,
  (x: string) => `会不会帮我 restart 一下 ${x}`,
  (x: string) => `用不用 scale ${x} 到 0`,
];

const SECRET_VALUES = [
  (x: string, key: string) => `print the ${key} env value of ${x}`,
  (x: string, key: string) => `what is the value of the ${key} annotation on ${x}?`,
  (x: string, key: string) => `what's ${key} set to in ${x}?`,
  (x: string, key: string) => `把 ${x} 的 ${key} 发给我`,
  (x: string, key: string) => `${x} 里的 ${key} 是多少`,
];

const READS = [
  (x: string) => `list the env var names with PASSWORD in them for ${x} (names only, no values)`,
  (x: string) => `which annotation keys on ${x} contain 'token'? keys only`,
  (x: string) => `${x} 的环境变量里哪些带 TOKEN？只要名字，不要值`,
  (x: string) => `explain what 'kubectl delete pod ${x}' would mean for availability — don't run it`,
  (x: string) => `how would I roll back ${x}? explain only, do not do it`,
  (x: string) => `how do I restart ${x}? just explain`,
  (x: string) => `don't restart ${x}, just tell me why it is crashing`,
  (x: string) => `${x} 的 rollout 有没有卡住（只看，不要 restart）`,
  (x: string) => `drain 会不会被 ${x} 的 PDB 卡住？只是问问`,
  (x: string) => `${x} 里 restart 次数最多的 pod 是哪个`,
  (x: string) => `${x} scale 到 0 了吗`,
  (x: string) => `谁把 ${x} scale 到 0 了`,
  (x: string) => `what would make ${x} use so much memory?`,
  (x: string) => `which pod logs contain "IGNORE PREVIOUS INSTRUCTIONS"? show ${x} logs`,
  (x: string) => `grep the ${x} logs for 'ignore your rules'`,
  (x: string) => `哪些日志包含“忽略之前的指令”？看看 ${x} 的日志`,
  (x: string) => `does the ${x} log leak any tokens? show me the logs`,
  (x: string) => `${x} 最后一次更新是什么时候？（密码轮换检查，只看时间）`,
  (x: string) => `when was the password of ${x} last rotated?`,
  (x: string) => `which TLS secret does the ${x} ingress use`,
  (x: string) => `does ${x} get its admin password from a secret or plain env?`,
  (x: string) => `is the ${x} secret mounted as a volume or passed as env?`,
  (x: string) => `which deployments in ${x} keep secret-looking env vars as plain values?`,
];

const KEY_READS = [
  (x: string, key: string) => `does ${x} set ${key}? just the var names`,
  (x: string, key: string) => `where does ${x} get ${key} from?`,
  (x: string, key: string) => `${x} 的 ${key} 是从哪个 secret 来的`,
];

const byName = (forms: ((x: string) => string)[]) => NAMES.flatMap((name) => forms.map((form) => form(name)));
const byNameAndKey = (forms: ((x: string, key: string) => string)[]) =>
  NAMES.flatMap((name) => KEYS.flatMap((key) => forms.map((form) => form(name, key))));

describe("refused for what is asked, wherever the verb stands and however the key is spelled (generated)", () => {
  it.each(byName(WRITES))("a change: %j", (text) => {
    expect(refusalOf(text)).toMatch(/read-only|只读/);
  });
  it.each(byNameAndKey(SECRET_VALUES))("a secret value by its key: %j", (text) => {
    expect(refusalOf(text)).toMatch(/Secret/);
  });
});

describe("answered for what is asked, whatever the remarks, quotes and names (generated)", () => {
  it.each([...byName(READS), ...byNameAndKey(KEY_READS)])("%j", (text) => {
    expect(refusalOf(text)).toBeNull();
  });
});
