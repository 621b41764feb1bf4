import { eksEndpointNotPublic } from "../../../../policies/aws/endpoints/eks-endpoint-not-public";
import { describePolicyTable, unknown } from "../../harness";

const vpc = (extra: Record<string, unknown>) => (p: Record<string, unknown>) => ({
  ...p,
  vpcConfig: { subnetIds: ["subnet-a", "subnet-b"], ...extra },
});

describePolicyTable(eksEndpointNotPublic, {
  base: {
    type: "aws:eks/cluster:Cluster",
    props: {
      roleArn: "arn:aws:iam::1:role/eks",
      vpcConfig: {
        subnetIds: ["subnet-a", "subnet-b"],
        endpointPrivateAccess: true,
        endpointPublicAccess: false,
      },
    },
  },
  pass: [
    {
      name: '"false" as a string',
      patch: vpc({ endpointPrivateAccess: true, endpointPublicAccess: "false" }),
    },
    {
      name: "public endpoint limited to private ranges",
      patch: vpc({ endpointPublicAccess: true, publicAccessCidrs: ["10.0.0.0/8"] }),
    },
    {
      name: "public endpoint limited to an allow-listed office range",
      patch: vpc({ endpointPublicAccess: true, publicAccessCidrs: ["203.0.113.0/24"] }),
      options: { config: { allowedPublicCidrs: ["203.0.113.0/24"] } },
    },
    {
      name: "unset access, but allow-listed CIDRs only",
      patch: vpc({ publicAccessCidrs: ["198.51.100.7/32"] }),
      options: { config: { allowedPublicCidrs: ["198.51.100.7/32"] } },
    },
    { name: "subnets unknown at preview", patch: vpc({ endpointPublicAccess: false, subnetIds: unknown }) },
  ],
  fail: [
    {
      name: "vpcConfig without endpointPublicAccess (public by default, open to 0.0.0.0/0)",
      patch: vpc({}),
      expect:
        /vpcConfig\.endpointPublicAccess is unset \(public by default\) and publicAccessCidrs is unset, so the Kubernetes API is open to 0\.0\.0\.0\/0; set vpcConfig\.endpointPublicAccess: false/,
      count: 1,
    },
    {
      name: "public access true, no CIDRs",
      patch: vpc({ endpointPublicAccess: true, endpointPrivateAccess: true }),
      expect: /endpointPublicAccess is true and publicAccessCidrs is unset/,
      count: 1,
    },
    {
      name: "public access to 0.0.0.0/0 written out",
      patch: vpc({ endpointPublicAccess: "true", publicAccessCidrs: ["0.0.0.0/0"] }),
      expect: /entry "0\.0\.0\.0\/0" opens the Kubernetes API to the whole internet/,
      count: 1,
    },
    {
      name: "a public range not on the allow-list",
      patch: vpc({ endpointPublicAccess: true, publicAccessCidrs: ["10.0.0.0/8", "203.0.113.0/24"] }),
      expect: /entry "203\.0\.113\.0\/24" is a public range not listed in allowedPublicCidrs/,
      count: 1,
    },
    {
      name: "an allow-listed range next to 0.0.0.0/0",
      patch: vpc({ endpointPublicAccess: true, publicAccessCidrs: ["203.0.113.0/24", "0.0.0.0/0"] }),
      options: { config: { allowedPublicCidrs: ["203.0.113.0/24"] } },
      expect: /"0\.0\.0\.0\/0" opens/,
      count: 1,
    },
    {
      name: "not a CIDR",
      patch: vpc({ endpointPublicAccess: true, publicAccessCidrs: ["office"] }),
      expect: /"office" is not a CIDR/,
    },
    {
      name: "vpcConfig as a one-element list",
      patch: (p) => ({ ...p, vpcConfig: [{ subnetIds: ["subnet-a"], endpointPublicAccess: true }] }),
      expect: /endpointPublicAccess is true/,
    },
  ],
  unknown: [
    { name: "endpointPublicAccess unknown", patch: vpc({ endpointPublicAccess: unknown }) },
    { name: "a CIDR unknown", patch: vpc({ endpointPublicAccess: true, publicAccessCidrs: [unknown] }) },
  ],
});
