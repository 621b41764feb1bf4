export * from "./baseline";
export * from "./flows";
export * from "./quota";
export * from "./rbac";
export * from "./peers";
export * from "./reach";
