/**
 * The public API of Paved: what app teams import (`import { SegmentedNetwork } from "paved"`).
 *
 * @packageDocumentation
 */
export * from "./core";
export * from "./aws/network";
export * from "./aws/iam";
export * from "./aws/registration";
export * from "./aws/kms";
export * from "./aws/storage";
export * from "./aws/monitoring";
export * from "./kubernetes";
