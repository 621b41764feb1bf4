export * from "./plan";
export * from "./canary-rollout";
