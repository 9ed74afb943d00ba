#!/usr/bin/env python3
"""Cross-checks realistic-5.jsonl against the demo cluster with kubectl (not with the product).

For every non-refusal case it runs the commands recorded in the case's `kubectl` field (text after
`#` is a note and is dropped; `<n>` placeholders and jsonpath/custom-columns shorthands are skipped),
and reports each `must` needle and each `any` group that none of kubectl's output contains, using the
scorer's matching rule. A report is a prompt to re-read the case, not a verdict: counts ("50"),
reasons phrased by synonyms ("stuck", "never") and time-relative ages are not in raw kubectl output.

    python3 verify_kubectl.py /tmp/set5.kubeconfig [--only r5-001,r5-002]
"""
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SET = os.path.join(HERE, '..', 'realistic-5.jsonl')


def has(text, needle):
    n = needle.lower()
    if re.fullmatch(r'\d+', n):
        return re.search(rf'(?<![\w.-]){n}(?![\w.%-])', text) is not None
    return n in text


def run(cmds, kubeconfig, cache):
    out = []
    for c in cmds.split(';'):
        c = c.split('#', 1)[0].strip()
        if not c.startswith('kubectl') or '<' in c or '...' in c:
            continue
        if 'rollout status' in c and '--timeout' not in c:
            c += ' --timeout=2s'
        if c not in cache:
            sh = f'kubectl() {{ command kubectl --kubeconfig {kubeconfig} "$@"; }}; {c}'
            try:
                r = subprocess.run(['bash', '-c', sh], capture_output=True, text=True, timeout=60)
                cache[c] = (r.stdout + r.stderr).lower()
            except subprocess.TimeoutExpired:
                cache[c] = ''
        out.append(cache[c])
    return '\n'.join(out)


def main():
    kubeconfig = sys.argv[1]
    only = None
    if '--only' in sys.argv:
        only = set(sys.argv[sys.argv.index('--only') + 1].split(','))
    cache = {}
    n_bad = 0
    for line in open(SET, encoding='utf-8'):
        c = json.loads(line)
        if only and c['id'] not in only:
            continue
        e = c['expect']
        if e.get('refuse'):
            continue
        text = run(c['kubectl'], kubeconfig, cache)
        if not text:
            print(f"{c['id']} (no runnable command) {c['q']!r}")
            continue
        miss = [m for m in e.get('must', []) if not has(text, m)]
        miss += ['any' + str(g[:4]) for g in e.get('any', []) if not any(has(text, x) for x in g)]
        leaked = [s for s in e.get('must_not', []) if has(text, s)]
        if miss:
            n_bad += 1
            print(f"{c['id']} {c['q']!r}: not in kubectl output: {miss}" + (f'  (kubectl shows {len(leaked)} secret(s))' if leaked else ''))
    print(f'{n_bad} cases to re-read')


if __name__ == '__main__':
    main()
