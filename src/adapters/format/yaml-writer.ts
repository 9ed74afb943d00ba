import { stringify } from "yaml";
import type { YamlWriter } from "../../core/ports.js";

/** kubectl-style YAML: block style, no line folding (long values stay on one line, as `kubectl get -o yaml`). */
export const writeYaml: YamlWriter = (value) => stringify(value, { lineWidth: 0 });
