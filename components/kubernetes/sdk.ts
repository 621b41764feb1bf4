/**
 * The parts of `@pulumi/kubernetes` the components use, each loaded from its own module.
 *
 * `import * as k8s from "@pulumi/kubernetes"` loads the provider's whole index: 121
 * modules (about 48 ms of CPU in plain Node), where the API groups below are 14 modules
 * (about 5 ms). Every program that imports
 * `paved` paid for it, an AWS-only one included. The components import this module as
 * `k8s` instead, so the code reads as before (`k8s.core.v1.Namespace`) and the types are
 * the provider's own classes. A program that imports `@pulumi/kubernetes` itself still
 * gets all of it. (components/aws/sdk.ts does the same for `@pulumi/aws`.)
 *
 * An API group a component starts to use must be added here (tsc fails until it is).
 */
export * as apiextensions from "@pulumi/kubernetes/apiextensions";
export * as core from "@pulumi/kubernetes/core";
export * as networking from "@pulumi/kubernetes/networking";
export * as rbac from "@pulumi/kubernetes/rbac";
export * as storage from "@pulumi/kubernetes/storage";
export type * as types from "@pulumi/kubernetes/types";
export { Provider } from "@pulumi/kubernetes/provider";
