export * from "./registration";
export * from "./transform";
export * from "./taggable";
export * from "./attributes";
