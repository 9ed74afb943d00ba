/**
 * The kubectl shell aliases on-call engineers type from habit (the common zsh/bash kubectl plugins): `kgp -n
 * warehouse`, `kdno demo-worker-3`, `kgpa`. Spelled out, the question is read as the kubectl command it is, and a
 * write alias (`kdelp x`) spelled out is refused like the command.
 */
const ALIASES: Record<string, string> = {
  kgp: "kubectl get pods",
  kgpo: "kubectl get pods",
  kgpa: "kubectl get pods -A",
  kgpwide: "kubectl get pods -o wide",
  kgd: "kubectl get deployments",
  kgdeploy: "kubectl get deployments",
  kgs: "kubectl get services",
  kgsvc: "kubectl get services",
  kgno: "kubectl get nodes",
  kgn: "kubectl get nodes",
  kgns: "kubectl get namespaces",
  kgi: "kubectl get ingress",
  kgcm: "kubectl get configmaps",
  kgsec: "kubectl get secrets",
  kgrs: "kubectl get replicasets",
  kgss: "kubectl get statefulsets",
  kgsts: "kubectl get statefulsets",
  kgds: "kubectl get daemonsets",
  kgj: "kubectl get jobs",
  kgcj: "kubectl get cronjobs",
  kgpvc: "kubectl get pvc",
  kgev: "kubectl get events",
  kga: "kubectl get all",
  kdp: "kubectl describe pod",
  kdpo: "kubectl describe pod",
  kdd: "kubectl describe deployment",
  kds: "kubectl describe service",
  kdno: "kubectl describe node",
  kdn: "kubectl describe node",
  kdi: "kubectl describe ingress",
  kl: "kubectl logs",
  klf: "kubectl logs -f",
  kdel: "kubectl delete",
  kdelp: "kubectl delete pods",
  kdeld: "kubectl delete deployment",
};

const ALIAS = new RegExp(`(?<![\\w-])(${Object.keys(ALIASES).join("|")})(?![\\w-])`, "gi");

/** The question with each kubectl alias spelled out, where it stands as a command (first, or after a `$` prompt). */
export function withShellAliasesSpelled(text: string): string {
  return text.replace(ALIAS, (alias: string, _word: string, offset: number) => {
    const before = text.slice(0, offset);
    return /(?:^|[\n`$>;|&，。:：]\s*|\brun\s+|\btyped\s+)\s*$/i.test(before)
      ? ALIASES[alias.toLowerCase()]
      : alias;
  });
}
