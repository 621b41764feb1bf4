export * from "./errors";
export * from "./governance";
export * from "./naming";
export * from "./version";
export * from "./config";
export * from "./cidr";
export * from "./ports";
export * from "./register";
