export * from "./rules";
export * from "./slo-alerts";
