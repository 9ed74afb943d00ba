import { describe, expect, it } from "vitest";
import { detectLanguage } from "../../../src/core/language.js";
import { checkQuestionPolicy } from "../../../src/core/policy.js";

// Verbs supposed or named as events are reads; the same verbs asked for are writes. Generated over names.
const refused = (text: string) => checkQuestionPolicy(text, detectLanguage(text)) !== null;
const OBJECTS = ["checkout", "payments-api", "orders-v2", "postgres-0"];
const NODES = ["demo-worker-3", "worker-3", "ip-10-0-3-7"];

describe("a Chinese request to change something is refused", () => {
  for (const object of OBJECTS)
    it(object, () => {
      for (const text of [
        `帮我删 ${object}`,
        `帮我把 ${object} 删了`,
        `把 ${object} 的 pod 删掉`,
        `把 ${object}-config 这个 ConfigMap 加上 region: eu-west-1`,
        `把 ${object} 的 CPU request 调低到 2 核`,
        `把 ${object} 挪到 demo-worker-1`,
      ])
        expect(refused(text), text).toBe(true);
      for (const text of [`谁把 ${object} 删了？`, `把 ${object} 的日志给我看看`, `我自己来删 ${object}`])
        expect(refused(text), text).toBe(false);
    });
});

describe("a verb that is supposed, not requested", () => {
  for (const node of NODES)
    it(node, () => {
      expect(refused(`drain ${node} 的话会影响哪些 pod? 只分析不要操作`)).toBe(false);
      expect(refused(`drain ${node}`)).toBe(true);
      expect(refused(`帮我 drain ${node}`)).toBe(true);
    });
  for (const object of OBJECTS)
    it(object, () => {
      expect(refused(`if i wanted to exec into ${object} later, what's the container called?`)).toBe(false);
      expect(refused(`I want to exec into ${object}`)).toBe(true);
      expect(refused(`delete 操作之前想先确认一下：${object} 现在几个 replica？`)).toBe(false);
      expect(refused(`${object} 是不是扩容到顶了`)).toBe(false);
    });
});

describe("a variable's source asked without its value", () => {
  for (const variable of ["POSTGRES_PASSWORD", "LEDGER_SIGNING_KEY", "API_TOKEN"])
    for (const object of OBJECTS)
      it(`${variable} of ${object}`, () => {
        expect(refused(`${object} 的 ${variable} 是从哪个 secret 来的？不要显示值`)).toBe(false);
        expect(refused(`显示 ${object} 的 ${variable} 的值`)).toBe(true);
      });
  it("a Secret's name is not its value", () => {
    for (const object of ["frontend", "shop-ingress", "grafana"])
      expect(refused(`what's the tls secret name of the ${object} ingress`)).toBe(false);
    expect(refused("what's the db password")).toBe(true);
  });
});

describe("a Chinese verb asked about or reported, unless someone is asked to do it", () => {
  for (const object of OBJECTS)
    it(object, () => {
      for (const text of [
        `${object} 还能再扩容吗？max replicas 多少`,
        `KubeJobFailed batch/${object} 触发了，原因？`,
        `关于 ${object} 扩容那件事：现在 cpu 使用率多少`,
        `delete 事件有吗？最近有没有 ${object} 被删掉`,
        `怎么回滚 ${object}？先别执行，只告诉我有没有可以回滚的版本`,
      ])
        expect(refused(text), text).toBe(false);
      for (const text of [
        `能帮我扩容 ${object} 吗`,
        `帮我重启 ${object} 吗`,
        `把 ${object} 重启了`,
        `帮我把 ${object} 删了`,
        `把${object}的日志删了`,
        `怎么回滚 ${object}`,
      ])
        expect(refused(text), text).toBe(true);
    });
  it("a secret's value asked with give or get me", () => {
    for (const text of ["give me the bearer token that payments-api logs", "get me the db password"])
      expect(refused(text), text).toBe(true);
    expect(refused("does postgres get its password from a secret?")).toBe(false);
  });
});

describe("running a job again is a write; the runtime is a noun", () => {
  for (const object of OBJECTS)
    it(object, () => {
      expect(refused(`重新跑一下 ${object} 这个 cronjob`)).toBe(true);
      expect(refused(`${object} 重跑了吗`)).toBe(false);
      expect(refused(`${object} 所在节点的容器执行环境版本`)).toBe(false);
    });
});

// "kubectl says `pod 0/1 ImagePullBackOff`": kubectl reporting output is no kubectl command; "kubectl delete" is.
describe("kubectl as who reported something", () => {
  const REPORTS = [
    "says",
    "said",
    "shows",
    "showed",
    "reports",
    "printed",
    "returned",
    "gives",
    "lists",
    "keeps",
  ];
  for (const object of OBJECTS)
    it(object, () => {
      for (const verb of REPORTS) {
        const text = `kubectl ${verb} \`${object}-hl62qtj8kg-txpfk 0/1 ImagePullBackOff\` — which image is it trying to pull`;
        expect(refused(text), text).toBe(false);
      }
      for (const verb of ["delete", "scale", "rollout restart", "cordon", "exec -it", "patch", "apply -f"])
        expect(refused(`kubectl ${verb} ${object}`), verb).toBe(true);
    });
});

// "how would i scale X up, theoretically": a how-to with a remark that nothing is to be done is a question.
describe("a how-to marked as hypothetical", () => {
  for (const object of OBJECTS)
    it(object, () => {
      for (const remark of ["theoretically", "in theory", "hypothetically", "in principle"]) {
        expect(refused(`how would i scale ${object} up, ${remark}, given the hpa max`)).toBe(false);
        expect(refused(`how do I restart ${object}? ${remark}`)).toBe(false);
      }
      expect(refused(`how do I restart ${object}?`)).toBe(true);
      expect(refused(`scale ${object} up, theoretically it should help`)).toBe(true);
    });
});

// "what did the last `kubectl set image` change": a quoted command named after a determiner is a noun; the same
// command after a verb that performs it, or on its own, is a request.
describe("a quoted kubectl command, named or asked for", () => {
  const COMMANDS = [
    "kubectl set image",
    "kubectl delete pod x",
    "kubectl drain demo-worker-3",
    "kubectl scale deploy/api --replicas=0",
  ];
  it.each(COMMANDS)("%s", (command) => {
    for (const text of [
      `what did the last \`${command}\` on the gateway change`,
      `who ran that \`${command}\`?`,
      `when was the previous \`${command}\` run`,
    ])
      expect(refused(text), text).toBe(false);
    for (const text of [
      `\`${command}\``,
      `can you do the \`${command}\` for me`,
      `run the \`${command}\``,
      `please execute \`${command}\``,
    ])
      expect(refused(text), text).toBe(true);
  });
});

// An English how-to with a Chinese remark that nothing is to be done: 先别执行, 只告诉我.
describe("a how-to with a Chinese no-action remark", () => {
  for (const object of OBJECTS)
    it(object, () => {
      for (const remark of ["先别执行,只告诉我", "先不要执行", "只告诉我", "别动，说一下就行"])
        expect(refused(`how would I roll back ${object}? ${remark}`), remark).toBe(false);
      expect(refused(`how would I roll back ${object}? 现在就执行`)).toBe(true);
    });
});

describe("a Chinese verb that has not happened states what the object did", () => {
  for (const object of OBJECTS)
    for (const verb of ["执行", "執行", "重启", "更新", "发布"])
      it(`${object} ${verb}`, () => {
        expect(refused(`告警说 ${object} 从未${verb}，为什么？`)).toBe(false);
        expect(refused(`${object} 还没${verb}，怎么回事`)).toBe(false);
        expect(refused(`帮我${verb}一下 ${object}`)).toBe(true);
      });
});

describe("where a secret-holding variable comes from, with its value excluded, is a read", () => {
  for (const object of OBJECTS)
    for (const key of ["API_TOKEN", "DB_PASSWORD", "STRIPE_KEY"])
      it(`${object} ${key}`, () => {
        expect(refused(`${object} 的 ${key} 是从 secret 读的还是写死在 env 里？别显示值`)).toBe(false);
        expect(refused(`${object} 的 ${key} 是不是硬编码的`)).toBe(false);
        expect(refused(`${object} 的 ${key} 的值是多少`)).toBe(true);
      });
});

describe("a Chinese verb as the subject of a question about its cause is a read", () => {
  for (const object of OBJECTS)
    for (const verb of ["重启", "删除", "扩容", "回滚"])
      it(`${object} ${verb}`, () => {
        expect(refused(`${object} ${verb}是因为内存吗`)).toBe(false);
        expect(refused(`${object} ${verb}是谁触发的`)).toBe(false);
        expect(refused(`${object} 的${verb}是什么时候发生的`)).toBe(false);
        expect(refused(`帮我${verb} ${object}，因为它不正常`)).toBe(true);
      });
});

describe("an English verb before 之前/以前 is what someone will do, and the read is asked first", () => {
  for (const node of NODES)
    for (const verb of ["drain", "cordon", "reboot"])
      it(`${verb} ${node}`, () => {
        expect(refused(`${verb} ${node} 之前想确认下上面跑着哪些 pod`)).toBe(false);
        expect(refused(`${verb} ${node} 以前要检查什么`)).toBe(false);
        expect(refused(`帮我 ${verb} ${node}`)).toBe(true);
      });
});

describe("a verb phrase of several English words before 之前 is supposed too", () => {
  for (const object of OBJECTS)
    for (const phrase of ["scale up", "roll back", "rollout restart"])
      it(`${phrase} ${object}`, () => {
        expect(refused(`想 ${phrase} ${object} 之前先看下，HPA 的 maxReplicas 是多少`)).toBe(false);
        expect(refused(`帮我 ${phrase} ${object}`)).toBe(true);
      });
});

describe("the value of a connection-string variable is a secret value", () => {
  for (const object of OBJECTS)
    for (const variable of ["DATABASE_URL", "DB_DSN", "JDBC_URL", "REDIS_CONNECTION_STRING"])
      it(`${object} ${variable}`, () => {
        expect(refused(`把 ${object} 的 ${variable} 的值 echo 出来`)).toBe(true);
        expect(refused(`what's the value of ${variable} in ${object}`)).toBe(true);
        expect(refused(`is ${variable} set on ${object}?`)).toBe(false);
        expect(refused(`what's the value of CATALOG_URL on ${object}`)).toBe(false);
      });
});
