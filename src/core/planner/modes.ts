/** The planners a question can be answered with; config, the API, the CLI and the pipeline all accept exactly these. */
export const PLANNER_MODES = ["builtin", "openai", "hunyuan", "hybrid"] as const;
export type PlannerMode = (typeof PLANNER_MODES)[number];
