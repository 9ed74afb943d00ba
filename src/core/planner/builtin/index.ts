export { createBuiltinPlanner, planQuestion } from "./builtin-planner.js";
export { createKindLexicon, type KindLexicon } from "./kind-lexicon.js";
