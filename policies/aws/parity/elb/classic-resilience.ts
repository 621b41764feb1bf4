/**
 * Classic load balancers are set up to survive an instance or zone failure:
 * they health-check their instances (`healthCheck`), span two or more
 * availability zones or subnets, balance across zones
 * (`crossZoneLoadBalancing`, default true) and drain connections before
 * deregistering an instance (`connectionDraining`, default false).
 */
import { defineResourcePolicy } from "../../../lib/define";
import { isFalse } from "../../../lib/parity";
import { asList, asRecord, isTrue } from "../../../lib/props";

export const elbClassicResilience = defineResourcePolicy({
  name: "aws-elb-classic-resilience",
  description:
    "Classic load balancers health-check instances, span two or more zones with cross-zone balancing, and drain connections.",
  category: "network",
  severity: "low",
  defaultLevel: "advisory",
  // Availability hygiene: advisory in every stage.
  securitySet: false,
  remediation: [
    "Set `healthCheck` (target, interval, thresholds), list two or more `subnets` (or `availabilityZones`), keep `crossZoneLoadBalancing` true and set `connectionDraining: true`.",
    "Better, move to an application or network load balancer. Advisory in every stage: this is availability, not protection.",
  ],
  frameworks: [],
  types: ["aws:elb/loadBalancer:LoadBalancer"],
  check(r) {
    const problems: string[] = [];
    if (!asRecord(r.props.healthCheck)) problems.push("healthCheck is unset");
    const zones = Math.max(asList(r.props.subnets).length, asList(r.props.availabilityZones).length);
    if (zones < 2) problems.push(`it spans ${zones} zone${zones === 1 ? "" : "s"}`);
    if (isFalse(r.props.crossZoneLoadBalancing)) problems.push("crossZoneLoadBalancing is false");
    if (!isTrue(r.props.connectionDraining)) problems.push("connectionDraining is not true");
    if (problems.length === 0) return [];
    return [
      {
        message: `the classic load balancer is fragile: ${problems.join(", ")}; add a health check, two or more subnets, cross-zone balancing and connection draining`,
      },
    ];
  },
});
