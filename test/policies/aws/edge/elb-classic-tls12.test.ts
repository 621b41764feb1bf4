import { elbClassicTls12 } from "../../../../policies/aws/edge/elb-classic-tls12";
import { Fixture, describePolicyTable, runStackPolicy, unknown, urnOf } from "../../harness";

const ELB = "aws:elb/loadBalancer:LoadBalancer";
const LB_POLICY = "aws:elb/loadBalancerPolicy:LoadBalancerPolicy";
const LISTENER_POLICY = "aws:elb/listenerPolicy:ListenerPolicy";
const SSL_NEG = "aws:elb/sslNegotiationPolicy:SslNegotiationPolicy";
const elbUrn = urnOf(ELB, "web");

const elb = (props: Record<string, unknown> = {}): Fixture => ({
  type: ELB,
  name: "web",
  props: {
    name: "web-elb",
    listeners: [
      {
        instancePort: 8080,
        instanceProtocol: "http",
        lbPort: 443,
        lbProtocol: "https",
        sslCertificateId: "arn:cert",
      },
    ],
    ...props,
  },
});
const lbPolicy = (
  attrs: { name: string; value: string }[],
  props: Record<string, unknown> = {},
): Fixture => ({
  type: LB_POLICY,
  name: "tls",
  props: {
    loadBalancerName: "web-elb",
    policyName: "tls12",
    policyTypeName: "SSLNegotiationPolicyType",
    policyAttributes: attrs,
    ...props,
  },
});
const REF12 = [{ name: "Reference-Security-Policy", value: "ELBSecurityPolicy-TLS-1-2-2017-01" }];
const listenerPolicy = (props: Record<string, unknown> = {}, deps: string[] = []): Fixture => ({
  type: LISTENER_POLICY,
  name: "attach",
  props: { loadBalancerName: "web-elb", loadBalancerPort: 443, policyNames: ["tls12"], ...props },
  dependencies: deps,
});
const sslNeg = (
  attributes: { name: string; value: string }[],
  props: Record<string, unknown> = {},
): Fixture => ({
  type: SSL_NEG,
  name: "neg",
  props: { loadBalancer: "web-elb", lbPort: 443, attributes, ...props },
});

describePolicyTable(elbClassicTls12, {
  base: [elb(), lbPolicy(REF12), listenerPolicy()],
  pass: [
    {
      name: "no HTTPS listener",
      stack: () => [
        elb({ listeners: [{ instancePort: 80, instanceProtocol: "http", lbPort: 80, lbProtocol: "http" }] }),
      ],
    },
    {
      name: "an SslNegotiationPolicy with only TLSv1.2 on",
      stack: () => [
        elb(),
        sslNeg([
          { name: "Protocol-TLSv1.2", value: "true" },
          { name: "Protocol-TLSv1", value: "false" },
          { name: "ECDHE-RSA-AES128-GCM-SHA256", value: "true" },
        ]),
      ],
    },
    {
      name: "an SslNegotiationPolicy with a TLS 1.2 reference",
      stack: () => [
        elb(),
        sslNeg([{ name: "Reference-Security-Policy", value: "ELBSecurityPolicy-TLS-1-2-2017-01" }]),
      ],
    },
    {
      name: "the ELB named by its id (the mocks' reference)",
      stack: () => [
        elb({ name: undefined, id: "web-0001" }),
        lbPolicy(REF12, { loadBalancerName: "web-0001" }),
        listenerPolicy({ loadBalancerName: "web-0001" }),
      ],
    },
    {
      name: "an auto-named ELB matched by its Pulumi name",
      stack: () => [
        elb({ name: undefined }),
        lbPolicy(REF12, { loadBalancerName: "web" }),
        listenerPolicy({ loadBalancerName: "web" }),
      ],
    },
    {
      name: "at preview: names unknown, dependencies recorded",
      stack: () => [
        elb({ name: undefined }),
        lbPolicy(REF12, { loadBalancerName: unknown }),
        listenerPolicy({ loadBalancerName: unknown }, [elbUrn]),
      ],
    },
    {
      name: "an SSL listener with the attribute in explicit form on a LoadBalancerPolicy",
      stack: () => [
        elb({
          listeners: [
            {
              instancePort: 443,
              instanceProtocol: "ssl",
              lbPort: 8443,
              lbProtocol: "SSL",
              sslCertificateId: "arn:cert",
            },
          ],
        }),
        lbPolicy([{ name: "Protocol-TLSv1.2", value: "true" }]),
        listenerPolicy({ loadBalancerPort: 8443 }),
      ],
    },
  ],
  fail: [
    {
      name: "no negotiation policy",
      stack: (b) => [b[0]],
      expect:
        /"web" HTTPS listener on port 443 has no SSL negotiation policy, so AWS applies ELBSecurityPolicy-2016-08/,
      urn: elbUrn,
      count: 1,
    },
    {
      name: "a 2016-08 reference",
      stack: (b) => [
        b[0],
        lbPolicy([{ name: "Reference-Security-Policy", value: "ELBSecurityPolicy-2016-08" }]),
        b[2],
      ],
      expect: /references "ELBSecurityPolicy-2016-08", which allows TLS 1.0/,
      count: 1,
    },
    {
      name: "a TLS-1-1 reference",
      stack: (b) => [
        b[0],
        lbPolicy([{ name: "Reference-Security-Policy", value: "ELBSecurityPolicy-TLS-1-1-2017-01" }]),
        b[2],
      ],
      expect: /allows TLS 1.1/,
    },
    {
      name: "the listener policy on another port",
      stack: (b) => [b[0], b[1], listenerPolicy({ loadBalancerPort: 8443 })],
      expect: /has no SSL negotiation policy/,
    },
    {
      name: "the listener policy on another ELB",
      stack: (b) => [b[0], b[1], listenerPolicy({ loadBalancerName: "other" })],
      expect: /has no SSL negotiation policy/,
    },
    {
      name: "the listener policy names another policy",
      stack: (b) => [b[0], b[1], listenerPolicy({ policyNames: ["stickiness"] })],
      expect: /has no SSL negotiation policy/,
    },
    {
      name: "an SslNegotiationPolicy enabling TLSv1",
      stack: () => [
        elb(),
        sslNeg([
          { name: "Protocol-TLSv1.2", value: "true" },
          { name: "Protocol-TLSv1", value: "true" },
        ]),
      ],
      expect: /SslNegotiationPolicy "neg" enables Protocol-TLSv1/,
    },
    {
      name: "an SslNegotiationPolicy without TLSv1.2",
      stack: () => [elb(), sslNeg([{ name: "ECDHE-RSA-AES128-GCM-SHA256", value: "true" }])],
      expect: /does not enable Protocol-TLSv1.2/,
    },
  ],
  unknown: [
    {
      name: "the listener policy's ELB unknown, no dependency",
      stack: (b) => [b[0], b[1], listenerPolicy({ loadBalancerName: unknown })],
    },
    { name: "the policy attributes unknown", stack: (b) => [b[0], lbPolicy(unknown as never), b[2]] },
    { name: "the listeners unknown", stack: (b) => [elb({ listeners: unknown }), b[1], b[2]] },
  ],
});

test("an unknown reference is an advisory note naming the ELB", async () => {
  const vs = await runStackPolicy(elbClassicTls12, [
    elb(),
    lbPolicy(REF12),
    listenerPolicy({ loadBalancerName: unknown }),
  ]);
  expect(vs).toEqual([expect.objectContaining({ enforcementLevel: "advisory", urn: elbUrn })]);
});
