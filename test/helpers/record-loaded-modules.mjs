// Preloaded with `node --import`: writes every module URL the process loaded to $K8HELPER_LOADED_MODULES on exit.
import { writeFileSync } from "node:fs";
import { registerHooks } from "node:module";

const loaded = [];
registerHooks({
  load(url, context, nextLoad) {
    loaded.push(url);
    return nextLoad(url, context);
  },
});
process.on("exit", () => writeFileSync(process.env.K8HELPER_LOADED_MODULES, loaded.join("\n")));
