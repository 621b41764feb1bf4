export * from "./registration";
export * from "./transform";
export * from "./taggable";
export * from "./attributes";
export { enableMockStackTransforms } from "./mock-transforms";
