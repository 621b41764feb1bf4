import { lbListenerTls12 } from "../../../../policies/aws/edge/lb-listener-tls12";
import { elbPolicyFloor } from "../../../../policies/aws/edge/tls";
import { describePolicyTable, unknown } from "../../harness";

describePolicyTable(lbListenerTls12, {
  base: {
    type: "aws:lb/listener:Listener",
    props: {
      loadBalancerArn: "arn:lb",
      port: 443,
      protocol: "HTTPS",
      certificateArn: "arn:aws:acm:us-east-1:1:certificate/x",
      sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
      defaultActions: [{ type: "forward", targetGroupArn: "arn:tg" }],
    },
  },
  pass: [
    { name: "TLS-1-2-2017-01", patch: { sslPolicy: "ELBSecurityPolicy-TLS-1-2-2017-01" } },
    { name: "TLS-1-2-Ext-2018-06", patch: { sslPolicy: "ELBSecurityPolicy-TLS-1-2-Ext-2018-06" } },
    { name: "FS-1-2-Res-2020-10", patch: { sslPolicy: "ELBSecurityPolicy-FS-1-2-Res-2020-10" } },
    { name: "TLS13-1-3-2021-06", patch: { sslPolicy: "ELBSecurityPolicy-TLS13-1-3-2021-06" } },
    { name: "TLS13-1-2-FIPS-2023-04", patch: { sslPolicy: "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04" } },
    {
      name: "an NLB TLS listener",
      patch: { protocol: "TLS", sslPolicy: "ELBSecurityPolicy-TLS13-1-2-Res-2021-06" },
    },
    {
      name: "an HTTP listener is not this policy's",
      patch: { protocol: "HTTP", port: 80, sslPolicy: undefined },
    },
    {
      name: "the aws:alb alias",
      fixture: {
        type: "aws:alb/listener:Listener",
        props: { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06" },
      },
    },
    {
      name: "an unrecognised name allowed by config",
      patch: { sslPolicy: "ELBSecurityPolicy-TLS14-2030-01" },
      options: { config: { allowedSslPolicies: ["ELBSecurityPolicy-TLS14-2030-01"] } },
    },
  ],
  fail: [
    {
      name: "sslPolicy unset",
      patch: { sslPolicy: undefined },
      expect:
        /HTTPS listener on port 443 has no sslPolicy, so AWS applies ELBSecurityPolicy-2016-08, which allows TLS 1.0/,
      count: 1,
    },
    {
      name: "ELBSecurityPolicy-2016-08",
      patch: { sslPolicy: "ELBSecurityPolicy-2016-08" },
      expect:
        /"ELBSecurityPolicy-2016-08", which allows TLS 1.0; set sslPolicy to ELBSecurityPolicy-TLS13-1-2-2021-06/,
      count: 1,
    },
    {
      name: "ELBSecurityPolicy-2015-05",
      patch: { sslPolicy: "ELBSecurityPolicy-2015-05" },
      expect: /allows TLS 1.0/,
    },
    {
      name: "TLS-1-0-2015-04",
      patch: { sslPolicy: "ELBSecurityPolicy-TLS-1-0-2015-04" },
      expect: /allows TLS 1.0/,
    },
    {
      name: "TLS-1-1-2017-01",
      patch: { sslPolicy: "ELBSecurityPolicy-TLS-1-1-2017-01" },
      expect: /allows TLS 1.1/,
    },
    { name: "FS-2018-06", patch: { sslPolicy: "ELBSecurityPolicy-FS-2018-06" }, expect: /allows TLS 1.0/ },
    {
      name: "FS-1-1-2019-08",
      patch: { sslPolicy: "ELBSecurityPolicy-FS-1-1-2019-08" },
      expect: /allows TLS 1.1/,
    },
    {
      name: "TLS13-1-0-2021-06",
      patch: { sslPolicy: "ELBSecurityPolicy-TLS13-1-0-2021-06" },
      expect: /allows TLS 1.0/,
    },
    {
      name: "TLS13-1-1-2021-06",
      patch: { sslPolicy: "ELBSecurityPolicy-TLS13-1-1-2021-06" },
      expect: /allows TLS 1.1/,
    },
    {
      name: "an unknown name fails closed",
      patch: { sslPolicy: "MyPolicy" },
      expect: /"MyPolicy", which is not a known TLS 1.2 policy/,
    },
    {
      name: "an NLB TLS listener without a policy",
      patch: { protocol: "TLS", sslPolicy: undefined },
      expect: /TLS listener on port 443 has no sslPolicy/,
    },
    {
      name: "lower-case https",
      patch: { protocol: "https", sslPolicy: "ELBSecurityPolicy-2016-08" },
      expect: /allows TLS 1.0/,
    },
  ],
  unknown: [
    { name: "sslPolicy unknown", patch: { sslPolicy: unknown } },
    { name: "protocol unknown", patch: { protocol: unknown } },
  ],
});

test("the ELB policy table", () => {
  expect(elbPolicyFloor("ELBSecurityPolicy-TLS13-1-2-PQ-2025-09")).toBe("TLS 1.2");
  expect(elbPolicyFloor("ELBSecurityPolicy-TLS13-1-0-PQ-2025-09")).toBe("TLS 1.0");
  expect(elbPolicyFloor("ELBSecurityPolicy-2011-08")).toBe("SSLv3");
  expect(elbPolicyFloor("nope")).toBeUndefined();
});
