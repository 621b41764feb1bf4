export * from "./role";
export * from "./trust";
export * from "./plan";
export * from "./lint";
export * from "./render-trust";
export * from "./boundary";
