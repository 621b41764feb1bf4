/**
 * CanaryRollout's Pod Security check of its own pod template, with every
 * finding turned into a validation problem. Pure.
 *
 * The template is built from plain arguments before any resource exists, so
 * the shared checker (`../pss.ts`) can decide every control. Its "cannot tell"
 * finding (`PSS_UNKNOWN`) therefore never means "check again after apply"
 * here: it means an argument the check needs is not a plain value. A Pulumi
 * `Output` (or a promise) in such a field is refused with
 * `PAVED_K8S_PLAIN_VALUE_REQUIRED`, naming the argument; a value of the wrong
 * shape (a string where a number belongs) with `PAVED_K8S_POD_SPEC_VALUE`.
 * Skipping the control instead would let a template through that nobody
 * checked, and the component promises a template that meets the restricted
 * profile.
 */
import type { ValidationProblem } from "../../core/errors";
import { checkPodSpec, PSS_UNKNOWN } from "../pss";
import { getPath, isRecord, isUnknownValue, show, UNKNOWN } from "../workloads";

/** Where the check sees the pod spec: `{ template: { spec } }`, as in the Rollout. */
const ROOT = "template.spec";

/**
 * The CanaryRollout argument a path in the pod template comes from:
 * `template.spec.containers[0].securityContext.runAsUser` is
 * `securityContext.runAsUser`, `template.spec.securityContext.seccompProfile`
 * is `podSecurityContext.seccompProfile`, the container's image is `image`.
 * Paths the component writes itself are returned as they are.
 */
export function argOfPodPath(path: string): string {
  const container = /^template\.spec\.containers\[0\](?:\.(.*))?$/.exec(path);
  if (container) {
    const rest = container[1] ?? "";
    const field = rest.split(/[.[]/)[0];
    switch (field) {
      case "image":
      case "command":
      case "args":
      case "env":
        return field;
      case "securityContext":
      case "resources":
        return rest;
      case "ports":
        return "containerPort";
      default:
        return path;
    }
  }
  const pod = /^template\.spec\.securityContext(.*)$/.exec(path);
  if (pod) return `podSecurityContext${pod[1]}`;
  return path;
}

/** The value at a finding's path (`a.b[0].c`) in the pod spec. */
function valueAt(podSpec: Record<string, unknown>, path: string): unknown {
  return getPath({ template: { spec: podSpec } }, path.replace(/\[(\d+)\]/g, ".$1"));
}

/**
 * Refuses a `securityContext` or `podSecurityContext` argument that is not a
 * plain object: spreading an `Output` over the secure defaults would drop the
 * caller's fields without a word.
 */
export function securityContextArgProblems(value: unknown, arg: string): ValidationProblem[] {
  if (value === undefined) return [];
  if (isUnknownValue(value)) {
    return [
      {
        arg,
        problem:
          "must be a plain value, not an Output (or a promise): the Pod Security restricted check of the pod template runs before anything is created and needs a plain object",
        fix: `pass ${arg} as a plain object of plain values`,
        code: "PAVED_K8S_PLAIN_VALUE_REQUIRED",
      },
    ];
  }
  if (!isRecord(value)) {
    return [
      {
        arg,
        problem: `is ${show(value)}, not an object`,
        fix: `pass ${arg} as an object of securityContext fields, for example { readOnlyRootFilesystem: true }`,
        code: "PAVED_K8S_POD_SPEC_VALUE",
      },
    ];
  }
  return [];
}

/** Checks the pod spec with the shared PSS restricted check (plus pinned images and resources). */
export function podSpecProblems(podSpec: Record<string, unknown>): ValidationProblem[] {
  return checkPodSpec(podSpec, { path: ROOT }).map((f): ValidationProblem => {
    if (f.code !== PSS_UNKNOWN) {
      return {
        arg: f.path,
        problem: `fails Pod Security restricted: ${f.message}`,
        fix: f.fix,
        code: f.code,
      };
    }
    const arg = argOfPodPath(f.path);
    const value = valueAt(podSpec, f.path);
    if (value === UNKNOWN) {
      return {
        arg,
        problem: `must be a plain value, not an Output (${f.path}): the Pod Security restricted check (${f.control}) runs before anything is created`,
        fix: `pass a plain value for ${arg}`,
        code: "PAVED_K8S_PLAIN_VALUE_REQUIRED",
      };
    }
    return {
      arg,
      problem: `(${f.path}) is ${show(value)}, which is not a valid value for the field, so the Pod Security ${f.control} control cannot be checked`,
      fix: `give ${arg} a value of the field's Kubernetes type`,
      code: "PAVED_K8S_POD_SPEC_VALUE",
    };
  });
}
