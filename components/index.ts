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
// The Pod Security Standards (restricted) checker the policy pack and CanaryRollout share.
export {
  checkPodSpec,
  podSpecsOf,
  kubernetesTypeOf,
  imagePin,
  PSS_CODES,
  PSS_CONTROLS,
  PAVED_POD_CONTROLS,
  PSS_UNKNOWN,
  type PssFinding,
  type PssControl,
  type PssCheckOptions,
  type PodSpecRef,
} from "./kubernetes/pss";
