export * from "./plan";
export * from "./metrics";
export * from "./args";
export * from "./canary-rollout";
