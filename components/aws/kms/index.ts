export * from "./key-policy";
export * from "./key";
