import type { ContainerSpec } from "../tools/object-shapes.js";

// Runtime flags that size a heap: a JVM's -Xmx/-Xms/-XX:MaxRAMPercentage, Node's --max-old-space-size.
const MEMORY_FLAG =
  /(?:^|\s)(-Xm[xs]\d+[kKmMgGtT]?|-XX:(?:Max|Initial|Min)RAMPercentage=\d+(?:\.\d+)?|--max-old-space-size=\d+)(?=\s|$)/g;
// A variable named for a credential is never read, whatever its value looks like.
const CREDENTIAL_NAME = /PASS|TOKEN|SECRET|KEY|CREDENTIAL|AUTH/i;
// Variables whose whole value is a memory size: Go's GOMEMLIMIT, HEAP_SIZE, MAX_HEAP, ...
const MEMORY_VARIABLE = /^(?:GOMEMLIMIT|[A-Z_]*HEAP[A-Z_]*|[A-Z_]*XMX[A-Z_]*|MAX_MEMORY|MEMORY_LIMIT)$/;
const SIZE = /^\d+(?:\.\d+)?\s*(?:[kKmMgGtT]i?[bB]?|[bB])?$/;

/**
 * The memory a container's runtime is told to use, beside its limit ("JAVA_OPTS -Xmx480m"): an OOMKill with a heap
 * set close to the limit is on-call's first clue. Only the memory flags are taken from a value, never the rest of
 * it, so nothing else an env value holds is repeated.
 */
export function runtimeMemorySettings(container: ContainerSpec | undefined): string[] {
  return (container?.env ?? []).flatMap(({ name, value }) => {
    if (name === undefined || value === undefined || CREDENTIAL_NAME.test(name)) return [];
    const flags = [...value.matchAll(MEMORY_FLAG)].map((match) => match[1]);
    if (flags.length > 0) return [`${name} ${flags.join(" ")}`];
    return MEMORY_VARIABLE.test(name) && SIZE.test(value.trim()) ? [`${name}=${value.trim()}`] : [];
  });
}
