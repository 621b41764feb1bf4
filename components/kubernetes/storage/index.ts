export * from "./plan";
export * from "./storage-class";
export * from "./volume-claim";
