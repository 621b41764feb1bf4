/**
 * NetworkPolicy planning for NamespaceBaseline: declared flows to explicit
 * NetworkPolicies on top of a default deny, plus the firewall-rule register.
 * Pure: no Pulumi here.
 *
 * Model:
 * - `workloads` names the pod selectors of the namespace (`api: { app: "api" }`).
 * - An ingress flow allows traffic from a peer to a declared workload. A peer is
 *   pods of this namespace (`podSelector` alone), a namespace (optionally
 *   narrowed by `podSelector`) or an `ipBlock`. When the peer is pods of this
 *   namespace, the matching egress policy for those pods is generated too,
 *   because the default deny also blocks their egress.
 * - An egress flow allows traffic from a declared workload to another
 *   namespace or an `ipBlock`. (Traffic between pods of the namespace is
 *   declared once, as an ingress flow.)
 * - A flow's id is derived from what it allows (peer, workload, ports,
 *   protocol), not from its position or its justification: reordering flows
 *   or rewording a justification never replaces a policy.
 */
import { createHash } from "crypto";
import type { ValidationProblem } from "../../core/errors";
import { nameProblem } from "../../core/naming";
import { formatPortRange, isProblem, parsePortSpec, PortRange, PortSpec } from "../../core/ports";
import type { FirewallRule } from "../../core/register";
import { formatLabels, LabelMap, NAMESPACE_NAME_LABEL, selectorProblems } from "../labels";
import {
  canonicalPeer,
  describePeer,
  FlowPeer,
  NETWORK_PROTOCOLS,
  NetworkPolicyPeerSpec,
  NetworkPolicyPortSpec,
  NetworkProtocol,
  peerProblems,
  peerSpec,
} from "./peers";

/** What every flow carries for the register. */
interface FlowCommon {
  /** Ports: `443`, `"8000-8080"` or `{ from, to }`. At least one: a flow never opens every port. */
  readonly ports: readonly PortSpec[];
  /** @default "TCP" */
  readonly protocol?: NetworkProtocol;
  /** Why the flow exists, for the change board. */
  readonly justification: string;
  /** The approved change that introduced it, for example `CHG-1234`. */
  readonly ticket: string;
}

/** Traffic into a declared workload of the namespace. */
export interface IngressFlow extends FlowCommon {
  /** Where the traffic comes from. */
  readonly from: FlowPeer;
  /** The workload it reaches: a key of `workloads`. */
  readonly to: string;
}

/** Traffic from a declared workload of the namespace to another namespace or an address range. */
export interface EgressFlow extends FlowCommon {
  /** The workload it leaves from: a key of `workloads`. */
  readonly from: string;
  /** Where it goes: a namespace (optionally with a `podSelector`) or an `ipBlock`. */
  readonly to: FlowPeer;
}

/** A NetworkPolicy's spec. */
export interface NetworkPolicySpec {
  podSelector: { matchLabels?: Record<string, string> };
  policyTypes: ("Ingress" | "Egress")[];
  ingress?: { from: NetworkPolicyPeerSpec[]; ports: NetworkPolicyPortSpec[] }[];
  egress?: { to: NetworkPolicyPeerSpec[]; ports: NetworkPolicyPortSpec[] }[];
}

/** One planned NetworkPolicy: its name (also its child's suffix) and spec. */
export interface PlannedNetworkPolicy {
  readonly name: string;
  readonly spec: NetworkPolicySpec;
}

/** What to plan. */
export interface FlowPlanInput {
  readonly workloads: Readonly<Record<string, LabelMap>>;
  readonly ingress: readonly IngressFlow[];
  readonly egress: readonly EgressFlow[];
  /** Allow every pod DNS to kube-dns in kube-system (UDP and TCP 53). */
  readonly allowDns: boolean;
  /** The change ticket format, as a regular expression source. */
  readonly ticketPattern: string;
}

/** The plan: policies in creation order and the register. */
export interface FlowPlan {
  readonly policies: readonly PlannedNetworkPolicy[];
  readonly rules: readonly FirewallRule[];
}

/** The name of the default-deny policy. */
export const DEFAULT_DENY_POLICY = "default-deny";
/** The name of the DNS egress policy. */
export const DNS_POLICY = "allow-dns-egress";
/** The ticket generated rules carry in the register. */
export const GENERATED_TICKET = "generated";

const DNS_PEER: NetworkPolicyPeerSpec = {
  namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: "kube-system" } },
  podSelector: { matchLabels: { "k8s-app": "kube-dns" } },
};

function commonProblems(flow: FlowCommon, arg: string, ticketPattern: string) {
  const problems: ValidationProblem[] = [];
  const ranges: PortRange[] = [];
  const protocol = flow.protocol ?? "TCP";
  if (!NETWORK_PROTOCOLS.includes(protocol)) {
    problems.push({
      arg: `${arg}.protocol`,
      problem: `"${String(protocol)}" is not a NetworkPolicy protocol`,
      fix: `use one of ${NETWORK_PROTOCOLS.join(" | ")}`,
      code: "PAVED_K8S_FLOW_PROTOCOL",
    });
  }
  if (!Array.isArray(flow.ports) || flow.ports.length === 0) {
    problems.push({
      arg: `${arg}.ports`,
      problem: "is empty, which would open every port",
      fix: "list the ports the flow needs, for example [8080]",
      code: "PAVED_K8S_FLOW_PORTS",
    });
  } else {
    flow.ports.forEach((spec, i) => {
      const r = parsePortSpec(spec, `${arg}.ports[${i}]`);
      if (isProblem(r)) problems.push(r);
      else ranges.push(r);
    });
  }
  if (typeof flow.justification !== "string" || flow.justification.trim() === "") {
    problems.push({
      arg: `${arg}.justification`,
      problem: "is required",
      fix: "say why the flow exists; the change board reads it in the register",
      code: "PAVED_K8S_FLOW_JUSTIFICATION",
    });
  }
  if (typeof flow.ticket !== "string" || !new RegExp(ticketPattern).test(flow.ticket)) {
    problems.push({
      arg: `${arg}.ticket`,
      problem: flow.ticket ? `"${flow.ticket}" does not match ${ticketPattern}` : "is required",
      fix: "give the approved change that introduced the flow, for example CHG-1234",
      code: "PAVED_K8S_FLOW_TICKET",
    });
  }
  return { problems, ranges, protocol };
}

function workloadProblem(
  workloads: Readonly<Record<string, LabelMap>>,
  name: string,
  arg: string,
): ValidationProblem | undefined {
  if (typeof name === "string" && Object.prototype.hasOwnProperty.call(workloads, name)) return undefined;
  const known = Object.keys(workloads);
  return {
    arg,
    problem: `"${String(name)}" is not a declared workload`,
    fix:
      known.length > 0
        ? `use one of ${known.join(", ")}, or declare it in workloads`
        : 'declare it in workloads, for example workloads: { api: { app: "api" } }',
    code: "PAVED_K8S_FLOW_UNKNOWN_WORKLOAD",
  };
}

function portSpecs(ranges: readonly PortRange[], protocol: NetworkProtocol): NetworkPolicyPortSpec[] {
  return ranges.map((r) =>
    r.from === r.to ? { protocol, port: r.from } : { protocol, port: r.from, endPort: r.to },
  );
}

/** Port ranges in ascending order, so the order a user lists ports in does not change an id. */
function sortedRanges(ranges: readonly PortRange[]): PortRange[] {
  return [...ranges].sort((a, b) => a.from - b.from || a.to - b.to);
}

/** A short, stable hash of what a flow allows. */
export function flowHash(parts: unknown): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, 8);
}

/** Checks the workloads map. */
export function workloadProblems(workloads: Readonly<Record<string, LabelMap>>): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  for (const [name, labels] of Object.entries(workloads)) {
    const p = nameProblem("k8sDnsLabel", name, `workloads["${name}"]`);
    if (p) problems.push(p);
    problems.push(...selectorProblems(labels, `workloads["${name}"]`));
  }
  return problems;
}

/**
 * Plans the NetworkPolicies and the register. Returns every problem found;
 * the plan is only meaningful when there are none.
 */
export function planFlows(input: FlowPlanInput): FlowPlan & { problems: ValidationProblem[] } {
  const problems: ValidationProblem[] = [...workloadProblems(input.workloads)];
  const policies: PlannedNetworkPolicy[] = [
    { name: DEFAULT_DENY_POLICY, spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] } },
  ];
  const generated = (
    id: string,
    direction: FirewallRule["direction"],
    action: FirewallRule["action"],
    rest: Pick<FirewallRule, "from" | "to" | "ports" | "protocol" | "justification">,
  ): FirewallRule => ({ id, kind: "network-policy", direction, action, ticket: GENERATED_TICKET, ...rest });
  const rules: FirewallRule[] = [
    generated("default-deny-ingress", "ingress", "deny", {
      from: "any",
      to: "all pods",
      ports: "all",
      protocol: "all",
      justification: "generated: default deny; only declared flows are allowed",
    }),
    generated("default-deny-egress", "egress", "deny", {
      from: "all pods",
      to: "any",
      ports: "all",
      protocol: "all",
      justification: "generated: default deny; only declared flows are allowed",
    }),
  ];
  if (input.allowDns) {
    policies.push({
      name: DNS_POLICY,
      spec: {
        podSelector: {},
        policyTypes: ["Egress"],
        egress: [
          {
            to: [DNS_PEER],
            ports: [
              { protocol: "UDP", port: 53 },
              { protocol: "TCP", port: 53 },
            ],
          },
        ],
      },
    });
    for (const protocol of ["udp", "tcp"]) {
      rules.push(
        generated(`dns-egress-${protocol}`, "egress", "allow", {
          from: "all pods",
          to: "namespace=kube-system pods{k8s-app=kube-dns}",
          ports: "53",
          protocol,
          justification: "generated: name resolution through cluster DNS",
        }),
      );
    }
  }

  const seen = new Map<string, string>();
  const claim = (id: string, arg: string): boolean => {
    const first = seen.get(id);
    if (first !== undefined) {
      problems.push({
        arg,
        problem: `allows the same traffic as ${first}`,
        fix: "remove the duplicate flow",
        code: "PAVED_K8S_FLOW_DUPLICATE",
      });
      return false;
    }
    seen.set(id, arg);
    return true;
  };

  input.ingress.forEach((flow, i) => {
    const arg = `flows[${i}]`;
    const before = problems.length;
    const unknown = workloadProblem(input.workloads, flow.to, `${arg}.to`);
    if (unknown) problems.push(unknown);
    problems.push(...peerProblems(flow.from, `${arg}.from`, "allowed"));
    const { problems: common, ranges, protocol } = commonProblems(flow, arg, input.ticketPattern);
    problems.push(...common);
    if (problems.length > before) return;
    const target = input.workloads[flow.to];
    const hash = flowHash(["ingress", canonicalPeer(flow.from), flow.to, sortedRanges(ranges), protocol]);
    const id = `in-${flow.to}-${hash}`;
    if (!claim(id, arg)) return;
    const ports = portSpecs(ranges, protocol);
    const portsText = ranges.map(formatPortRange).join(",");
    const base = {
      kind: "network-policy" as const,
      action: "allow" as const,
      ports: portsText,
      protocol: protocol.toLowerCase(),
      justification: flow.justification,
      ticket: flow.ticket,
    };
    policies.push({
      name: `allow-${id}`,
      spec: {
        podSelector: { matchLabels: { ...target } },
        policyTypes: ["Ingress"],
        ingress: [{ from: [peerSpec(flow.from)], ports }],
      },
    });
    rules.push({
      ...base,
      id,
      direction: "ingress",
      from: describePeer(flow.from),
      to: `workload ${flow.to} pods{${formatLabels(target)}}`,
    });
    const local = flow.from.ipBlock === undefined && flow.from.namespace === undefined;
    if (local && flow.from.podSelector !== undefined) {
      const outId = `out-${hash}`;
      policies.push({
        name: `allow-${outId}`,
        spec: {
          podSelector: { matchLabels: { ...flow.from.podSelector } },
          policyTypes: ["Egress"],
          egress: [{ to: [{ podSelector: { matchLabels: { ...target } } }], ports }],
        },
      });
      rules.push({
        ...base,
        id: outId,
        direction: "egress",
        from: describePeer(flow.from),
        to: `workload ${flow.to} pods{${formatLabels(target)}}`,
        justification: `generated: egress side of ${id}; ${flow.justification}`,
      });
    }
  });

  input.egress.forEach((flow, i) => {
    const arg = `egressFlows[${i}]`;
    const before = problems.length;
    const unknown = workloadProblem(input.workloads, flow.from, `${arg}.from`);
    if (unknown) problems.push(unknown);
    problems.push(...peerProblems(flow.to, `${arg}.to`, "refused"));
    const { problems: common, ranges, protocol } = commonProblems(flow, arg, input.ticketPattern);
    problems.push(...common);
    if (problems.length > before) return;
    const source = input.workloads[flow.from];
    const id = `eg-${flow.from}-${flowHash(["egress", flow.from, canonicalPeer(flow.to), sortedRanges(ranges), protocol])}`;
    if (!claim(id, arg)) return;
    policies.push({
      name: `allow-${id}`,
      spec: {
        podSelector: { matchLabels: { ...source } },
        policyTypes: ["Egress"],
        egress: [{ to: [peerSpec(flow.to)], ports: portSpecs(ranges, protocol) }],
      },
    });
    rules.push({
      id,
      kind: "network-policy",
      direction: "egress",
      action: "allow",
      from: `workload ${flow.from} pods{${formatLabels(source)}}`,
      to: describePeer(flow.to),
      ports: ranges.map(formatPortRange).join(","),
      protocol: protocol.toLowerCase(),
      justification: flow.justification,
      ticket: flow.ticket,
    });
  });

  return { policies, rules, problems };
}
