/**
 * The public API of Paved: what app teams import.
 *
 * @packageDocumentation
 */
export * from "./core";
