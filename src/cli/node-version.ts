/** The oldest Node K8Helper runs on (package.json's engines): undici 8 crashes at import on Node 20. */
export const MINIMUM_NODE = [22, 12] as const;

/** One line telling the user what to do, or undefined when `version` (e.g. "20.19.2") is new enough. */
export function nodeVersionProblem(version: string): string | undefined {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  const [needMajor, needMinor] = MINIMUM_NODE;
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return undefined;
  return (
    `k8helper needs Node ${needMajor}.${needMinor} or newer, but this is Node ${version}: ` +
    "run `. .ci/node-env` in this shell (from the k8helper checkout) or install Node 24 LTS."
  );
}
