/**
 * Every HTTPS or SSL listener of a classic load balancer has an SSL
 * negotiation policy that allows TLS 1.2 or later only (a stack policy: the
 * policy is a separate resource). A listener gets one from an
 * `aws.elb.ListenerPolicy` (its `loadBalancerName` and `loadBalancerPort`)
 * naming an `aws.elb.LoadBalancerPolicy` of type SSLNegotiationPolicyType,
 * or from an `aws.elb.SslNegotiationPolicy` (its `loadBalancer` and
 * `lbPort`). Without one AWS applies ELBSecurityPolicy-2016-08 (TLS 1.0).
 *
 * A negotiation policy is TLS 1.2 when its `Reference-Security-Policy` is a
 * TLS 1.2 predefined policy, or, without a reference, when it enables
 * Protocol-TLSv1.2 and none of Protocol-SSLv2, -SSLv3, -TLSv1, -TLSv1.1.
 */
import { defineStackPolicy } from "../../lib/define";
import { awsFsbp, nist80053 } from "../../lib/frameworks";
import { asList, asNumber, asRecord, asString, asStrings, isTrue, peek } from "../../lib/props";
import type { Finding, StackResource } from "../../lib/types";
import { type Match, namesOf, refersTo } from "../s3/refs";
import { CLASSIC_ELB } from "./elb-classic-listener-encrypted";
import { DEFAULT_ELB_POLICY, elbPolicyFloor, isTls12OrLater } from "./tls";
import { ofType } from "../../lib/stack-index";

export const ELB_LB_POLICY = "aws:elb/loadBalancerPolicy:LoadBalancerPolicy";
export const ELB_LISTENER_POLICY = "aws:elb/listenerPolicy:ListenerPolicy";
export const ELB_SSL_NEGOTIATION_POLICY = "aws:elb/sslNegotiationPolicy:SslNegotiationPolicy";
const RECOMMENDED = "ELBSecurityPolicy-TLS-1-2-2017-01";
const WEAK_PROTOCOLS = ["Protocol-SSLv2", "Protocol-SSLv3", "Protocol-TLSv1", "Protocol-TLSv1.1"];

/** Whether a negotiation policy's attributes allow TLS 1.2 or later only; `why` says what it allows otherwise. */
function judgeAttributes(attrs: unknown): { ok: boolean; why: string } {
  const pairs = asList(attrs).map((a) => {
    const r = asRecord(a) ?? {};
    return { name: asString(r.name) ?? "", value: r.value };
  });
  const on = (n: string) => pairs.some((p) => p.name.toLowerCase() === n.toLowerCase() && isTrue(p.value));
  const weak = WEAK_PROTOCOLS.filter(on);
  const ref = pairs.find((p) => p.name.toLowerCase() === "reference-security-policy");
  if (ref) {
    const name = asString(ref.value) ?? "";
    const floor = elbPolicyFloor(name);
    if (!isTls12OrLater(floor)) {
      return {
        ok: false,
        why: `references "${name}", which ${floor ? `allows ${floor}` : "is not a known TLS 1.2 policy"}`,
      };
    }
  } else if (!on("Protocol-TLSv1.2")) {
    return { ok: false, why: "does not enable Protocol-TLSv1.2" };
  }
  if (weak.length > 0) return { ok: false, why: `enables ${weak.join(", ")}` };
  return { ok: true, why: "" };
}

interface Verdict {
  ok: boolean;
  unknown: boolean;
  weak: string[];
}

function merge(v: Verdict, m: Match, judge: () => { ok: boolean; why: string }, label: string): void {
  if (m === "no") return;
  if (m === "unknown") {
    v.unknown = true;
    return;
  }
  const j = peek(judge);
  if (j === undefined) v.unknown = true;
  else if (j.ok) v.ok = true;
  else v.weak.push(`${label} ${j.why}`);
}

function portMatch(from: StackResource, key: string, port: number): Match {
  // null: absent; undefined: unknown during preview.
  const raw = peek(() => from.props[key] ?? null);
  if (raw === undefined) return "unknown";
  return asNumber(raw) === port ? "yes" : "no";
}

const and = (a: Match, b: Match): Match =>
  a === "no" || b === "no" ? "no" : a === "yes" && b === "yes" ? "yes" : "unknown";

export const elbClassicTls12 = defineStackPolicy({
  name: "aws-elb-classic-tls12",
  description:
    "HTTPS and SSL listeners of classic load balancers have an SSL negotiation policy that allows TLS 1.2 or later only.",
  category: "network",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    `Add an \`aws.elb.LoadBalancerPolicy\` of type SSLNegotiationPolicyType with the attribute Reference-Security-Policy = ${RECOMMENDED}.`,
    "Attach it to the listener's port with an `aws.elb.ListenerPolicy` (loadBalancerName, loadBalancerPort, policyNames).",
    "Better: move to an Application Load Balancer with a TLS 1.2 security policy.",
  ],
  frameworks: [awsFsbp("ELB.8"), nist80053("SC-8")],
  check(resources) {
    const listenerPolicies = ofType(resources, ELB_LISTENER_POLICY);
    const lbPolicies = ofType(resources, ELB_LB_POLICY);
    const negotiation = ofType(resources, ELB_SSL_NEGOTIATION_POLICY);
    const out: Finding[] = [];
    for (const elb of ofType(resources, CLASSIC_ELB)) {
      const listeners = peek(() => asList(elb.props.listeners));
      if (listeners === undefined) {
        out.push({
          urn: elb.urn,
          advisory: true,
          message: `classic load balancer "${elb.name}": its listeners are unknown during preview, so they are checked again on update`,
        });
        continue;
      }
      const names = namesOf(elb, "name", "namePrefix");
      listeners.forEach((raw, i) => {
        const l = peek(() => {
          const r = asRecord(raw) ?? {};
          return { protocol: asString(r.lbProtocol)?.toLowerCase(), port: asNumber(r.lbPort) };
        });
        if (l === undefined || l.protocol === undefined || l.port === undefined) {
          if (l === undefined) {
            out.push({
              urn: elb.urn,
              advisory: true,
              message: `classic load balancer "${elb.name}" listener ${i} is unknown during preview, so it is checked again on update`,
            });
          }
          return;
        }
        if (l.protocol !== "https" && l.protocol !== "ssl") return;
        const port = l.port;
        const v: Verdict = { ok: false, unknown: false, weak: [] };
        for (const lp of listenerPolicies) {
          const m = and(
            refersTo(lp, "loadBalancerName", elb, names),
            portMatch(lp, "loadBalancerPort", port),
          );
          if (m === "no") continue;
          if (m === "unknown") {
            v.unknown = true;
            continue;
          }
          const wanted = peek(() => asList(lp.props.policyNames));
          if (wanted === undefined) {
            v.unknown = true;
            continue;
          }
          const wantedNames = asStrings(wanted);
          if (wantedNames.length < wanted.length) v.unknown = true;
          for (const pol of lbPolicies) {
            const name = peek(() => asString(pol.props.policyName));
            const named: Match =
              name === undefined
                ? (lp.dependencies ?? []).some((d) => d.urn === pol.urn)
                  ? "yes"
                  : "unknown"
                : wantedNames.includes(name)
                  ? "yes"
                  : "no";
            const type = peek(() => asString(pol.props.policyTypeName));
            if (named === "no" || (type !== undefined && type !== "SSLNegotiationPolicyType")) continue;
            if (type === undefined) v.unknown = true;
            merge(
              v,
              named,
              () => judgeAttributes(pol.props.policyAttributes),
              `LoadBalancerPolicy "${name ?? pol.name}"`,
            );
          }
        }
        for (const sp of negotiation) {
          const m = and(refersTo(sp, "loadBalancer", elb, names), portMatch(sp, "lbPort", port));
          merge(v, m, () => judgeAttributes(sp.props.attributes), `SslNegotiationPolicy "${sp.name}"`);
        }
        if (v.ok) return;
        const at = `classic load balancer "${elb.name}" ${l.protocol.toUpperCase()} listener on port ${port}`;
        if (v.weak.length > 0) {
          out.push({
            urn: elb.urn,
            message: `${at}: ${v.weak.join("; ")}; use Reference-Security-Policy ${RECOMMENDED}`,
          });
        } else if (v.unknown) {
          out.push({
            urn: elb.urn,
            advisory: true,
            message: `${at}: its SSL negotiation policy is unknown during preview, so it is checked again on update`,
          });
        } else {
          out.push({
            urn: elb.urn,
            message: `${at} has no SSL negotiation policy, so AWS applies ${DEFAULT_ELB_POLICY} (TLS 1.0); attach a LoadBalancerPolicy with Reference-Security-Policy ${RECOMMENDED} through an aws.elb.ListenerPolicy`,
          });
        }
      });
    }
    return out;
  },
});
