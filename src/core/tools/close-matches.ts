/** Up to `max` candidates close to `input`: those sharing a prefix or a substring first, then by edit distance. */
export function closeMatches(input: string, candidates: Iterable<string>, max = 5): string[] {
  const needle = input.toLowerCase();
  const limit = Math.max(2, Math.floor(needle.length / 3));
  const scored: { candidate: string; score: number }[] = [];
  for (const candidate of new Set(candidates)) {
    const hay = candidate.toLowerCase();
    let score: number;
    if (hay.startsWith(needle) || needle.startsWith(hay)) score = 0;
    else if (hay.includes(needle) || needle.includes(hay)) score = 1;
    else {
      // Compare with the whole name and with its start: "kube-prixy" is close to "kube-proxy-7f9c".
      const distance = Math.min(editDistance(needle, hay), editDistance(needle, hay.slice(0, needle.length)));
      if (distance > limit) continue;
      score = 1 + distance;
    }
    scored.push({ candidate, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate))
    .slice(0, max)
    .map((entry) => entry.candidate);
}

export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length];
}
