/**
 * Label and selector checks shared by the Kubernetes components. Pure.
 */
import type { ValidationProblem } from "../core/errors";
import { nameProblem } from "../core/naming";

/** A label map, as a selector's `matchLabels` or an object's labels. */
export type LabelMap = Readonly<Record<string, string>>;

const KEY_PREFIX = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const KEY_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/** True when `key` is a valid label key: an optional DNS-subdomain prefix and `/`, then a name of at most 63 characters. */
export function isLabelKey(key: string): boolean {
  const slash = key.lastIndexOf("/");
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && (prefix.length > 253 || !KEY_PREFIX.test(prefix))) return false;
  return name.length <= 63 && KEY_NAME.test(name);
}

/**
 * Problems with a label map used as a selector: empty (which would select
 * everything), or with an invalid key or value.
 */
export function selectorProblems(labels: LabelMap | undefined, arg: string): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const entries = Object.entries(labels ?? {});
  if (entries.length === 0) {
    problems.push({
      arg,
      problem: "is empty, which selects every pod",
      fix: 'give at least one label, for example { app: "api" }',
      code: "PAVED_K8S_SELECTOR_EMPTY",
    });
  }
  for (const [k, v] of entries) {
    if (!isLabelKey(k)) {
      problems.push({
        arg: `${arg}["${k}"]`,
        problem: "is not a valid label key",
        fix: "use an optional DNS prefix and '/', then at most 63 letters, digits, '-', '_' or '.'",
        code: "PAVED_LABEL_INVALID",
      });
    }
    const p = nameProblem("k8sLabelValue", String(v), `${arg}["${k}"]`);
    if (p) problems.push({ ...p, code: "PAVED_LABEL_INVALID" });
  }
  return problems;
}

/** `app=api,tier=web`: a label map in a stable order, for ids and registers. */
export function formatLabels(labels: LabelMap): string {
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join(",");
}

/** The label every namespace carries with its own name (Kubernetes 1.22+). */
export const NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

/**
 * Checks a namespace given as a plain string (an RFC 1123 label). A namespace
 * that comes from another resource (an Output) is checked by that resource.
 */
export function namespaceProblems(namespace: unknown, arg = "namespace"): ValidationProblem[] {
  if (typeof namespace !== "string") return [];
  const p = nameProblem("k8sDnsLabel", namespace, arg);
  return p ? [p] : [];
}
