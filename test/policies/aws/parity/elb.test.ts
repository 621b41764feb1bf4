import { lbAccessLogs } from "../../../../policies/aws/parity/elb/lb-access-logs";
import { describePolicyTable, unknown } from "../../harness";

describePolicyTable(lbAccessLogs, {
  base: {
    type: "aws:lb/loadBalancer:LoadBalancer",
    props: { loadBalancerType: "application", accessLogs: { bucket: "logs", enabled: true } },
  },
  pass: [
    { name: "string true", patch: { accessLogs: { bucket: "logs", enabled: "true" } } },
    {
      name: "gateway load balancer has no access logs",
      patch: { loadBalancerType: "gateway", accessLogs: undefined },
    },
    {
      name: "alb alias",
      fixture: {
        type: "aws:alb/loadBalancer:LoadBalancer",
        props: { accessLogs: { bucket: "logs", enabled: true } },
      },
    },
    {
      name: "classic with a bucket (enabled defaults to true)",
      fixture: { type: "aws:elb/loadBalancer:LoadBalancer", props: { accessLogs: { bucket: "logs" } } },
    },
  ],
  fail: [
    { name: "no accessLogs", patch: { accessLogs: undefined }, expect: /accessLogs is unset/, count: 1 },
    {
      name: "enabled unset on an ALB",
      patch: { accessLogs: { bucket: "logs" } },
      expect: /accessLogs.enabled is unset \(off by default\)/,
      count: 1,
    },
    { name: "enabled false", patch: { accessLogs: { bucket: "logs", enabled: false } }, expect: /is false/ },
    { name: "no bucket", patch: { accessLogs: { enabled: true } }, expect: /has no bucket/, count: 1 },
    {
      name: "network load balancer without logs",
      patch: { loadBalancerType: "network", accessLogs: undefined },
      expect: /accessLogs is unset/,
    },
    {
      name: "classic disabled",
      fixture: {
        type: "aws:elb/loadBalancer:LoadBalancer",
        props: { accessLogs: { bucket: "b", enabled: "false" } },
      },
      expect: /enabled is "false"/,
    },
    {
      name: "classic without logs",
      fixture: { type: "aws:elb/loadBalancer:LoadBalancer", props: {} },
      expect: /accessLogs is unset/,
    },
  ],
  unknown: [{ name: "bucket unknown", patch: { accessLogs: unknown } }],
});
