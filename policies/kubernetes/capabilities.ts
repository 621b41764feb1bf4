/**
 * Containers drop ALL capabilities and add back at most NET_BIND_SERVICE.
 *
 * Pod Security admission compares capability names case-sensitively: `drop:
 * ["all"]` does not count as dropping ALL, and `add: ["net_bind_service"]` is
 * not the allowed NET_BIND_SERVICE. A finding on a name that differs from the
 * allowed one only in case says so, quoting what the program wrote.
 */
import type { PssFinding } from "../../components/kubernetes/pss";
import { get } from "../../components/kubernetes/workloads";
import { cisKubernetes, pssRestricted } from "../lib/frameworks";
import { rawProps } from "../lib/sdk";
import { definePodPolicy, podFindings, toPolicyFindings } from "./pod-policy";

const base = definePodPolicy({
  name: "k8s-capabilities-restricted",
  description: "Every container drops ALL capabilities and adds none but NET_BIND_SERVICE.",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    'Set `securityContext.capabilities.drop: ["ALL"]` on every container, init container and ephemeral container (upper case: Pod Security compares names case-sensitively).',
    "Remove every entry of `capabilities.add` except `NET_BIND_SERVICE`.",
  ],
  frameworks: [
    pssRestricted("Capabilities"),
    cisKubernetes("5.2.8"),
    cisKubernetes("5.2.9"),
    cisKubernetes("5.2.10"),
  ],
  controls: ["capabilities"],
});

/** The value at a finding's path (`spec.containers[0].securityContext.capabilities.drop`). */
function valueAt(obj: unknown, path: string): unknown {
  let cur = obj;
  for (const m of path.matchAll(/\["((?:[^"\\]|\\.)*)"\]|\[(\d+)\]|([^.[\]]+)/g)) {
    cur = get(cur, m[1] ?? (m[2] !== undefined ? Number(m[2]) : m[3]));
  }
  return cur;
}

/** The finding, saying so when the name was written in the wrong case. */
function withCaseHint(obj: unknown, f: PssFinding): PssFinding {
  if (f.code === "PSS_CAPABILITIES_DROP") {
    const drop = valueAt(obj, f.path);
    const written = (Array.isArray(drop) ? drop : [drop]).find(
      (d): d is string => typeof d === "string" && d !== "ALL" && d.toUpperCase() === "ALL",
    );
    if (written === undefined) return f;
    return {
      ...f,
      message: `${f.message}: it drops "${written}", and Pod Security compares capability names case-sensitively`,
      fix: `write drop: ["ALL"] in upper case`,
    };
  }
  if (f.code === "PSS_CAPABILITIES_ADD") {
    const cap = valueAt(obj, f.path);
    if (typeof cap !== "string" || cap === "NET_BIND_SERVICE" || cap.toUpperCase() !== "NET_BIND_SERVICE")
      return f;
    return {
      ...f,
      message: `${f.message}, which is not NET_BIND_SERVICE: Pod Security compares capability names case-sensitively`,
      fix: `write "NET_BIND_SERVICE" in upper case`,
    };
  }
  return f;
}

export const k8sCapabilities: typeof base = {
  ...base,
  check(resource) {
    const obj = rawProps(resource.props);
    return toPolicyFindings(
      podFindings(resource, { controls: ["capabilities"] }).map((f) => withCaseHint(obj, f)),
    );
  },
};
