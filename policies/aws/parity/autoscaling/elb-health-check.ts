/**
 * Auto Scaling groups behind a load balancer (`targetGroupArns`,
 * `loadBalancers` or `trafficSources`) replace instances the load balancer
 * finds unhealthy (`healthCheckType` "ELB"); the EC2 default only notices a
 * stopped instance, not a broken application.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { awsFsbp } from "../../../lib/frameworks";
import { quote } from "../../../lib/parity";
import { asList, asString } from "../../../lib/props";

export const asgElbHealthCheck = defineResourcePolicy({
  name: "aws-asg-elb-health-check",
  description: "Auto Scaling groups attached to a load balancer use its health checks.",
  category: "governance",
  severity: "low",
  defaultLevel: "advisory",
  // Availability hygiene: advisory in every stage.
  securitySet: false,
  remediation: [
    'Set `healthCheckType: "ELB"` and a `healthCheckGracePeriod` long enough for the application to start.',
    "Advisory in every stage: availability, not protection.",
  ],
  frameworks: [awsFsbp("AutoScaling.1")],
  types: ["aws:autoscaling/group:Group"],
  check(r) {
    const attached = ["targetGroupArns", "loadBalancers", "trafficSources"].some(
      (f) => asList(r.props[f]).length > 0,
    );
    if (!attached) return [];
    const type = asString(r.props.healthCheckType);
    if (type === "ELB") return [];
    const now = type === undefined ? "healthCheckType is unset (EC2)" : `healthCheckType is ${quote(type)}`;
    return [
      {
        message: `${now}, so instances the load balancer finds unhealthy are not replaced; set healthCheckType to "ELB"`,
      },
    ];
  },
});
