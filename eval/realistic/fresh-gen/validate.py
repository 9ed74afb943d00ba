import json, sys, collections
ALLOWED = {"must", "any", "must_not", "not_all_clear", "refuse"}
for path in sys.argv[1:]:
    ids = set(); lang = collections.Counter(); cat = collections.Counter(); n = 0; refuse = 0; nac = 0
    for ln, line in enumerate(open(path), 1):
        o = json.loads(line); n += 1
        assert set(o) == {"id", "q", "lang", "category", "expect", "kubectl"}, (ln, o.keys())
        assert o["id"] not in ids, o["id"]; ids.add(o["id"])
        assert o["lang"] in ("en", "zh", "mixed")
        e = o["expect"]; assert set(e) <= ALLOWED and e, (o["id"], e)
        if e.get("refuse"): refuse += 1; assert set(e) == {"refuse"}
        else: assert e.get("must") or e.get("any"), o["id"]
        for g in e.get("any", []): assert isinstance(g, list) and g, o["id"]
        if e.get("not_all_clear"): nac += 1
        lang[o["lang"]] += 1; cat[o["category"]] += 1
    qs = [json.loads(l)["q"] for l in open(path)]
    dup = [q for q, c in collections.Counter(qs).items() if c > 1]
    print(path, n, dict(lang), {k: round(100*v/n) for k, v in lang.items()}, "refuse", refuse, "nac", nac, "dupq", dup)
    print("  ", dict(sorted(cat.items())))
