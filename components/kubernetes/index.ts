/**
 * The Kubernetes paved road: NamespaceBaseline, EncryptedStorageClass,
 * VolumeClaim, SloAlerts and CanaryRollout, with their pure planners.
 */
export * from "./namespace";
export * from "./storage";
export * from "./monitoring";
export * from "./rollout";
export { parseQuantity } from "./quantity";
export { isLabelKey, formatLabels, NAMESPACE_NAME_LABEL, type LabelMap } from "./labels";
