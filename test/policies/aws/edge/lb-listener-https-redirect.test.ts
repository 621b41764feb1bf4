import { lbListenerHttpsRedirect } from "../../../../policies/aws/edge/lb-listener-https-redirect";
import { describePolicyTable, unknown } from "../../harness";

const REDIRECT = { type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } };
const FORWARD = {
  type: "forward",
  targetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/tg/1",
};

describePolicyTable(lbListenerHttpsRedirect, {
  base: {
    type: "aws:lb/listener:Listener",
    props: { loadBalancerArn: "arn:lb", port: 80, protocol: "HTTP", defaultActions: [REDIRECT] },
  },
  pass: [
    {
      name: "an HTTPS listener that forwards",
      patch: {
        port: 443,
        protocol: "HTTPS",
        sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
        defaultActions: [FORWARD],
      },
    },
    { name: "a TCP listener (network load balancer)", patch: { protocol: "TCP", defaultActions: [FORWARD] } },
    {
      name: "the aws:alb alias",
      fixture: {
        type: "aws:alb/listener:Listener",
        props: { port: 80, protocol: "HTTP", defaultActions: [REDIRECT] },
      },
    },
    {
      name: "protocol unset, redirect to https (lower case)",
      patch: {
        protocol: undefined,
        defaultActions: [{ type: "redirect", redirect: { protocol: "https", statusCode: "HTTP_302" } }],
      },
    },
    { name: "defaultActions as a single object", patch: { defaultActions: REDIRECT } },
    {
      name: "a Gateway Load Balancer listener (no protocol, no port)",
      patch: { protocol: undefined, port: undefined, defaultActions: [FORWARD] },
    },
  ],
  fail: [
    {
      name: "HTTP forward",
      patch: { defaultActions: [FORWARD] },
      expect:
        /port 80 \(protocol "HTTP"\) default action 0 is "forward", served over plain HTTP; make the default action a redirect to HTTPS/,
      count: 1,
    },
    {
      name: "protocol unset forwards",
      patch: { protocol: undefined, defaultActions: [FORWARD] },
      expect: /protocol unset, so HTTP.*"forward"/,
      count: 1,
    },
    {
      name: "fixed-response",
      patch: {
        defaultActions: [
          { type: "fixed-response", fixedResponse: { contentType: "text/plain", statusCode: "200" } },
        ],
      },
      expect: /"fixed-response"/,
      count: 1,
    },
    {
      name: "a redirect without protocol keeps HTTP",
      patch: { defaultActions: [{ type: "redirect", redirect: { port: "8080", statusCode: "HTTP_301" } }] },
      expect: /redirects with protocol unset/,
      count: 1,
    },
    {
      name: "a redirect to HTTP",
      patch: {
        defaultActions: [
          { type: "redirect", redirect: { protocol: "HTTP", port: "8080", statusCode: "HTTP_301" } },
        ],
      },
      expect: /redirects with protocol "HTTP"/,
      count: 1,
    },
    {
      name: "a redirect plus a forward",
      patch: { defaultActions: [REDIRECT, FORWARD] },
      expect: /default action 1 is "forward"/,
      count: 1,
    },
    { name: "no default action", patch: { defaultActions: [] }, expect: /has no default action/, count: 1 },
    {
      name: "the aws:alb alias forwarding",
      fixture: {
        type: "aws:alb/listener:Listener",
        props: { port: 80, protocol: "http", defaultActions: [FORWARD] },
      },
      expect: /"forward"/,
      count: 1,
    },
  ],
  unknown: [
    { name: "protocol unknown", patch: { protocol: unknown } },
    {
      name: "redirect protocol unknown",
      patch: {
        defaultActions: [{ type: "redirect", redirect: { protocol: unknown, statusCode: "HTTP_301" } }],
      },
    },
  ],
});
