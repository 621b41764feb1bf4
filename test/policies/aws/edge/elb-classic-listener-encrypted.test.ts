import { elbClassicListenerEncrypted } from "../../../../policies/aws/edge/elb-classic-listener-encrypted";
import { describePolicyTable, unknown } from "../../harness";

const HTTPS = {
  instancePort: 8080,
  instanceProtocol: "http",
  lbPort: 443,
  lbProtocol: "https",
  sslCertificateId: "arn:aws:acm:us-east-1:1:certificate/x",
};

describePolicyTable(elbClassicListenerEncrypted, {
  base: {
    type: "aws:elb/loadBalancer:LoadBalancer",
    props: { availabilityZones: ["us-east-1a"], listeners: [HTTPS] },
  },
  pass: [
    { name: "an SSL listener", patch: { listeners: [{ ...HTTPS, lbProtocol: "ssl" }] } },
    { name: "upper-case HTTPS", patch: { listeners: [{ ...HTTPS, lbProtocol: "HTTPS" }] } },
    { name: "a single listener object", patch: { listeners: HTTPS } },
  ],
  fail: [
    {
      name: "an http listener",
      patch: {
        listeners: [HTTPS, { instancePort: 80, instanceProtocol: "http", lbPort: 80, lbProtocol: "http" }],
      },
      expect:
        /listener 1 \(port 80\) has lbProtocol "http", which is not encrypted; set lbProtocol to "https"/,
      count: 1,
    },
    {
      name: "a tcp listener",
      patch: { listeners: [{ instancePort: 22, instanceProtocol: "tcp", lbPort: 22, lbProtocol: "TCP" }] },
      expect: /lbProtocol "TCP"/,
      count: 1,
    },
    {
      name: "lbProtocol unset",
      patch: { listeners: [{ instancePort: 80, lbPort: 80 }] },
      expect: /lbProtocol unset/,
      count: 1,
    },
  ],
  unknown: [{ name: "lbProtocol unknown", patch: { listeners: [{ ...HTTPS, lbProtocol: unknown }] } }],
});
