/**
 * The peers of NetworkPolicy flows: how a user writes them, how they are
 * checked, and how they render as Kubernetes peers and register text. Pure.
 */
import type { ValidationProblem } from "../../core/errors";
import { classifyCidr, cidrContains, parseCidr } from "../../core/cidr";
import { nameProblem } from "../../core/naming";
import { formatLabels, LabelMap, NAMESPACE_NAME_LABEL, selectorProblems } from "../labels";

/** A NetworkPolicy protocol. */
export type NetworkProtocol = "TCP" | "UDP" | "SCTP";
export const NETWORK_PROTOCOLS: readonly NetworkProtocol[] = ["TCP", "UDP", "SCTP"];

/** Pods or a namespace: `{ podSelector }` (this namespace), `{ namespace }`, or `{ namespace, podSelector }`. */
export interface SelectorPeer {
  /** Another namespace, by name. Omit for pods of this namespace. */
  readonly namespace?: string;
  /** Pods, by labels. Required when `namespace` is omitted. */
  readonly podSelector?: LabelMap;
  readonly ipBlock?: never;
}

/** An address range outside the cluster. */
export interface IpBlockPeer {
  readonly ipBlock: {
    /** The range, for example `10.20.0.0/16`. `0.0.0.0/0` is refused. */
    readonly cidr: string;
    /** Ranges inside `cidr` to leave out. */
    readonly except?: readonly string[];
  };
  readonly namespace?: never;
  readonly podSelector?: never;
}

/** The other end of a flow. */
export type FlowPeer = SelectorPeer | IpBlockPeer;

/** A NetworkPolicy peer as the Kubernetes API writes it. */
export interface NetworkPolicyPeerSpec {
  namespaceSelector?: { matchLabels: Record<string, string> };
  podSelector?: { matchLabels: Record<string, string> };
  ipBlock?: { cidr: string; except?: string[] };
}

/** A NetworkPolicy port as the Kubernetes API writes it. */
export interface NetworkPolicyPortSpec {
  protocol: NetworkProtocol;
  port: number;
  endPort?: number;
}

/** Checks a peer. `local` says whether pods of this namespace may be the peer. */
export function peerProblems(peer: FlowPeer, arg: string, local: "allowed" | "refused"): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  if (peer === undefined || peer === null || typeof peer !== "object") {
    return [
      {
        arg,
        problem: "is missing",
        fix: "give { namespace, podSelector } or { ipBlock: { cidr } }",
        code: "PAVED_K8S_FLOW_PEER",
      },
    ];
  }
  const hasSelector = peer.namespace !== undefined || peer.podSelector !== undefined;
  if (peer.ipBlock !== undefined && hasSelector) {
    problems.push({
      arg,
      problem: "mixes ipBlock with namespace or podSelector",
      fix: "declare one flow per peer: either { namespace, podSelector } or { ipBlock }",
      code: "PAVED_K8S_FLOW_PEER",
    });
    return problems;
  }
  if (peer.ipBlock !== undefined) {
    const { cidr, except = [] } = peer.ipBlock;
    const parsed = parseCidr(cidr);
    if (!parsed) {
      problems.push({
        arg: `${arg}.ipBlock.cidr`,
        problem: `"${cidr}" is not a CIDR block`,
        fix: "use a range such as 10.20.0.0/16",
        code: "PAVED_CIDR_INVALID",
      });
      return problems;
    }
    if (classifyCidr(cidr) === "any") {
      problems.push({
        arg: `${arg}.ipBlock.cidr`,
        problem: `"${cidr}" is every address`,
        fix: 'name the ranges that need access; route public traffic through the ingress controller\'s namespace ({ namespace: "ingress-nginx" })',
        code: "PAVED_K8S_FLOW_ANY_ADDRESS",
      });
    }
    except.forEach((e, i) => {
      const ex = parseCidr(e);
      if (!ex || !cidrContains(parsed, ex)) {
        problems.push({
          arg: `${arg}.ipBlock.except[${i}]`,
          problem: `"${e}" is not a range inside ${cidr}`,
          fix: "list only ranges inside ipBlock.cidr",
          code: "PAVED_K8S_FLOW_EXCEPT",
        });
      }
    });
    return problems;
  }
  if (!hasSelector) {
    problems.push({
      arg,
      problem: "selects nothing",
      fix: "give { namespace }, { podSelector } or both, or { ipBlock: { cidr } }",
      code: "PAVED_K8S_FLOW_PEER",
    });
    return problems;
  }
  if (peer.namespace !== undefined) {
    const p = nameProblem("k8sDnsLabel", peer.namespace, `${arg}.namespace`);
    if (p) problems.push(p);
  } else if (local === "refused") {
    problems.push({
      arg,
      problem: "is a pod of this namespace",
      fix: "declare traffic between pods of the namespace as an ingress flow (its egress side is generated)",
      code: "PAVED_K8S_FLOW_EGRESS_LOCAL",
    });
  }
  if (peer.podSelector !== undefined)
    problems.push(...selectorProblems(peer.podSelector, `${arg}.podSelector`));
  return problems;
}

/** The peer as a Kubernetes NetworkPolicyPeer. */
export function peerSpec(peer: FlowPeer): NetworkPolicyPeerSpec {
  if (peer.ipBlock !== undefined) {
    const except = peer.ipBlock.except ?? [];
    return { ipBlock: { cidr: peer.ipBlock.cidr, ...(except.length > 0 ? { except: [...except] } : {}) } };
  }
  const spec: NetworkPolicyPeerSpec = {};
  if (peer.namespace !== undefined) {
    spec.namespaceSelector = { matchLabels: { [NAMESPACE_NAME_LABEL]: peer.namespace } };
  }
  if (peer.podSelector !== undefined) spec.podSelector = { matchLabels: { ...peer.podSelector } };
  return spec;
}

/** The peer as the register writes it: `namespace=shop pods{app=web}`, `pods{app=web}`, `10.0.0.0/8 except 10.1.0.0/16`. */
export function describePeer(peer: FlowPeer): string {
  if (peer.ipBlock !== undefined) {
    const except = peer.ipBlock.except ?? [];
    return except.length > 0 ? `${peer.ipBlock.cidr} except ${except.join(",")}` : peer.ipBlock.cidr;
  }
  const parts: string[] = [];
  if (peer.namespace !== undefined) parts.push(`namespace=${peer.namespace}`);
  if (peer.podSelector !== undefined) parts.push(`pods{${formatLabels(peer.podSelector)}}`);
  return parts.join(" ");
}

/** The peer in a form that does not depend on the order labels were written in. */
export function canonicalPeer(peer: FlowPeer): string {
  return describePeer(peer);
}
