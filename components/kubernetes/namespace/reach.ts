/**
 * Reachability over planned NetworkPolicies: may pods of another namespace
 * open a connection to a port of pods in this one? Pure. Used by components
 * that need a flow to exist (CanaryRollout: Prometheus scraping its metrics
 * port) to refuse a configuration the NetworkPolicies would silently break.
 *
 * The semantics are the Kubernetes ones for what the baseline generates: a
 * pod selected by no policy with an Ingress type accepts everything; a pod
 * selected by one or more accepts a connection when one of their ingress
 * rules has a peer matching the source and a port matching the port.
 * `ipBlock` peers never match a pod (pod addresses are not stable).
 */
import type { LabelMap } from "../labels";
import { NAMESPACE_NAME_LABEL } from "../labels";
import type { PlannedNetworkPolicy } from "./flows";
import type { NetworkPolicyPeerSpec, NetworkProtocol } from "./peers";

/** A connection to check. */
export interface IngressQuery {
  /** The labels of the receiving pods (in the baseline's namespace). */
  readonly podLabels: LabelMap;
  readonly port: number;
  /** @default "TCP" */
  readonly protocol?: NetworkProtocol;
  /** Where the connection comes from: a namespace (by name) and the sending pods' labels. */
  readonly from: { readonly namespace: string; readonly podLabels: LabelMap };
}

const subset = (want: Readonly<Record<string, string>> | undefined, have: LabelMap): boolean =>
  Object.entries(want ?? {}).every(([k, v]) => have[k] === v);

function peerMatches(peer: NetworkPolicyPeerSpec, q: IngressQuery, ownNamespace: string): boolean {
  if (peer.ipBlock !== undefined) return false;
  const nsOk =
    peer.namespaceSelector === undefined
      ? q.from.namespace === ownNamespace
      : subset(peer.namespaceSelector.matchLabels, { [NAMESPACE_NAME_LABEL]: q.from.namespace });
  const podOk = peer.podSelector === undefined || subset(peer.podSelector.matchLabels, q.from.podLabels);
  return nsOk && podOk;
}

/** True when the policies let the connection in. */
export function ingressAllowed(
  policies: readonly PlannedNetworkPolicy[],
  ownNamespace: string,
  q: IngressQuery,
): boolean {
  const protocol = q.protocol ?? "TCP";
  const selecting = policies.filter(
    (p) => p.spec.policyTypes.includes("Ingress") && subset(p.spec.podSelector.matchLabels, q.podLabels),
  );
  if (selecting.length === 0) return true;
  return selecting.some((p) =>
    (p.spec.ingress ?? []).some(
      (rule) =>
        rule.from.some((peer) => peerMatches(peer, q, ownNamespace)) &&
        rule.ports.some(
          (port) =>
            port.protocol === protocol && q.port >= port.port && q.port <= (port.endPort ?? port.port),
        ),
    ),
  );
}
