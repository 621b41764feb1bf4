export * from "./limits";
export * from "./pricing";
export * from "./snapshots";
export * from "./san-volume";
