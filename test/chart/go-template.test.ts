import { describe, expect, it } from "vitest";
import { TemplateExecutor } from "./go-template/execute.js";
import { helmFunctions } from "./go-template/helm-functions.js";
import { parseTemplate } from "./go-template/parse.js";

/** Renders one template source the way Helm would, with `defines` from the same source. */
function render(source: string, data: unknown = {}): string {
  const parsed = parseTemplate(source, "test.tpl");
  const templates = new Map([["main", parsed.nodes], ...parsed.defines]);
  const executor: TemplateExecutor = new TemplateExecutor(
    templates,
    helmFunctions((name, value) => executor.execute(name, value)),
  );
  return executor.execute("main", data);
}

// The test renderer must behave like Helm where the chart relies on it; each case is Helm's output.
describe("the chart tests' Go template renderer", () => {
  it.each([
    ["fields and missing values", "a={{ .a.b }} c={{ .c }}", { a: { b: 1 } }, "a=1 c="],
    ["trim markers eat whitespace and newlines", "x\n  {{- .a -}}\n  y", { a: "A" }, "xAy"],
    ["comments vanish", "a{{/* note */}}b {{- /* trimmed */ -}} c", {}, "abc"],
    ["pipelines pass the value last", '{{ .a | default "d" | quote }}', { a: "" }, '"d"'],
    ["parentheses and printf", '{{ printf "%s-%s" .a (lower .b) }}', { a: "x", b: "Y" }, "x-y"],
    [
      "if / else if / else",
      "{{ if eq .n 1 }}one{{ else if eq .n 2 }}two{{ else }}many{{ end }}",
      { n: 2 },
      "two",
    ],
    [
      "range over a map goes in key order",
      "{{ range $k, $v := .m }}{{ $k }}={{ $v }};{{ end }}",
      { m: { b: 2, a: 1 } },
      "a=1;b=2;",
    ],
    ["range else on empty", "{{ range .l }}x{{ else }}empty{{ end }}", { l: [] }, "empty"],
    [
      "with changes dot and $ stays the root",
      "{{ with .a }}{{ .b }}{{ $.c }}{{ end }}",
      { a: { b: "B" }, c: "C" },
      "BC",
    ],
    [
      "variables assigned inside range persist",
      "{{ $n := list }}{{ range .l }}{{ $n = append $n . }}{{ end }}{{ len $n }}",
      { l: [1, 2, 3] },
      "3",
    ],
    [
      "define and include with nindent",
      '{{ define "t" }}a: 1\nb: 2{{ end }}x:{{ include "t" . | nindent 2 }}',
      {},
      "x:\n  a: 1\n  b: 2",
    ],
    ["toYaml of a map", "{{ toYaml .m }}", { m: { b: [1, 2], a: "x" } }, "b:\n  - 1\n  - 2\na: x"],
    ["field of a parenthesised pipeline", "{{ (fromYaml .y).rules }}", { y: "rules: [a, b]" }, "[a b]"],
    ["and / or return their deciding operand", '{{ and 1 0 }}|{{ or 0 "" "z" }}', {}, "0|z"],
    ["numbers compare after int", "{{ if gt (int .n) 1 }}many{{ end }}", { n: 2 }, "many"],
  ])("%s", (_name, source, data, expected) => {
    expect(render(source, data)).toBe(expected);
  });

  it.each([
    ["a field of a missing value", "{{ .a.b.c }}", /nil pointer evaluating interface \{\}\.b/],
    ["an unknown function", "{{ nope .a }}", /function "nope" not defined/],
    ["required with an empty value", '{{ required "give a" .a }}', /give a/],
    ["an unclosed block", "{{ if .a }}x", /missing \{\{ end \}\}/],
    ["an unknown variable", "{{ $x }}", /undefined variable "\$x"/],
  ])("fails like Helm on %s", (_name, source, error) => {
    expect(() => render(source, {})).toThrow(error);
  });

  it("keeps an empty list through required (Helm only rejects nil and empty strings)", () => {
    expect(render('{{ range required "x" .l }}{{ . }}{{ end }}done', { l: [] })).toBe("done");
  });
});
