import { describe, expect, it } from "vitest";
import { detectLanguage } from "../../../src/core/language.js";
import { checkQuestionPolicy } from "../../../src/core/policy.js";

// Reads that carry a write verb or a secret word, and the writes and reveals beside them, generated over names.
const refused = (text: string) => checkQuestionPolicy(text, detectLanguage(text)) !== null;
const OBJECTS = ["checkout", "payments-api", "orders-v2", "ledger"];
const NODES = ["demo-worker-2", "ip-10-0-3-7", "gke-pool-a-9"];

describe("a quoted value between a determiner and its noun is not a command", () => {
  for (const value of ["Delete", "delete", "Recreate", "Retain"])
    for (const noun of ["reclaim policy", "update strategy", "policy"])
      it(`the '${value}' ${noun}`, () => {
        expect(refused(`what does the '${value}' ${noun} on the postgres pv mean for its data`)).toBe(false);
        expect(refused(`is the "${value}" ${noun} risky here?`)).toBe(false);
      });
  it("a quoted command is still a command", () => {
    for (const text of ["please 'delete' the pod", "run 'kubectl delete pod x'", "'delete' pod web-1 now"])
      expect(refused(text), text).toBe(true);
  });
});

describe("asking whether a secret-looking key is set, saying not to print it", () => {
  const keys = ["the webhook-token annotation", "DB_PASSWORD", "the api-key annotation", "SMTP_PASSWORD"];
  for (const object of OBJECTS)
    for (const key of keys) {
      it(`${key} on ${object}`, () => {
        for (const tail of ["", " dont print it", " don't show the value", " 不要打印"])
          expect(refused(`is ${key} on ${object} set?${tail}`), tail).toBe(false);
        expect(refused(`is ${key} on ${object} set? show it`)).toBe(true);
        expect(refused(`what is ${key} on ${object}`)).toBe(true);
      });
    }
  it("names, not contents", () => {
    for (const object of OBJECTS) {
      expect(refused(`secrets referenced by ${object}? names, not contents`)).toBe(false);
      expect(refused(`does ${object} get its password from a secret or a plain env value`)).toBe(false);
      expect(refused(`${object} 用的 TLS secret 叫啥`)).toBe(false);
      expect(refused(`print the contents of the secret ${object} uses`)).toBe(true);
    }
  });
});

describe("Chinese: a supposed or forbidden verb is a question, a requested one a write", () => {
  for (const node of NODES)
    for (const verb of ["drain", "cordon"])
      it(`${verb} ${node}`, () => {
        expect(refused(`如果 ${verb} ${node} 会影响哪些 pod？先别真的 ${verb}`)).toBe(false);
        expect(refused(`要是 ${verb} 了 ${node} 会怎样`)).toBe(false);
        expect(refused(`帮我 ${verb} ${node}`)).toBe(true);
        expect(refused(`${verb} ${node}`)).toBe(true);
      });
  for (const object of OBJECTS)
    it(`changing ${object} back is a write`, () => {
      expect(refused(`把 ${object} 的镜像改回 v2.3.9`)).toBe(true);
      expect(refused(`把 ${object} 回退到上一个版本`)).toBe(true);
      expect(refused(`${object} 上一个版本的镜像是什么`)).toBe(false);
    });
});
