export * from "./rules";
export * from "./slo-alerts";
export * from "./health-score";
