import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { CodedError } from "../core/errors.js";

/** A settings file's text, or a config error naming the setting that points at it. */
export function readConfigFile(path: string, setting: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new CodedError(
      "config",
      `${setting}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? "error"})`,
    );
  }
}

/** A YAML or JSON settings file's data (empty is `{}`), or a config error naming the file. */
export function parseConfigYaml(text: string, source: string): unknown {
  try {
    return parseYaml(text) ?? {};
  } catch (error) {
    throw new CodedError(
      "config",
      `${source}: not valid YAML or JSON (${(error as Error).message.split("\n")[0]})`,
    );
  }
}
