import {
  INSTANCE,
  LAUNCH_CONFIGURATION,
  LAUNCH_TEMPLATE,
  SPOT_INSTANCE_REQUEST,
  ec2Imdsv2Required,
} from "../../../../policies/aws/network/ec2-imdsv2-required";
import { describePolicyTable, runPolicy, unknown } from "../../harness";

const required = { httpTokens: "required", httpEndpoint: "enabled" };

describePolicyTable(ec2Imdsv2Required, {
  base: {
    type: INSTANCE,
    props: { ami: "ami-123", instanceType: "t3.micro", metadataOptions: required },
  },
  pass: [
    {
      name: "tokens required decide it even when the endpoint and hop limit are unknown",
      patch: {
        metadataOptions: { httpTokens: "required", httpEndpoint: unknown, httpPutResponseHopLimit: unknown },
      },
    },
    {
      name: "httpTokens required without httpEndpoint",
      patch: { metadataOptions: { httpTokens: "required" } },
    },
    { name: "httpTokens in another case", patch: { metadataOptions: { httpTokens: "REQUIRED" } } },
    {
      name: "the endpoint disabled, tokens unset",
      patch: { metadataOptions: { httpEndpoint: "disabled" } },
    },
    {
      name: "the endpoint disabled, tokens optional",
      patch: { metadataOptions: { httpEndpoint: "disabled", httpTokens: "optional" } },
    },
    {
      name: "a launch template requiring tokens",
      fixture: { type: LAUNCH_TEMPLATE, props: { imageId: "ami-1", metadataOptions: required } },
    },
    {
      name: "a launch configuration requiring tokens",
      fixture: {
        type: LAUNCH_CONFIGURATION,
        props: { imageId: "ami-1", instanceType: "t3.micro", metadataOptions: required },
      },
    },
    {
      name: "a spot instance request requiring tokens",
      fixture: { type: SPOT_INSTANCE_REQUEST, props: { ami: "ami-1", metadataOptions: required } },
    },
    {
      name: "hop limit 2 on a launch template (containers on EKS nodes) is not noted",
      fixture: {
        type: LAUNCH_TEMPLATE,
        props: { metadataOptions: { ...required, httpPutResponseHopLimit: 2 } },
      },
    },
  ],
  fail: [
    {
      name: "metadataOptions unset",
      patch: { metadataOptions: undefined },
      expect:
        /the instance does not set metadataOptions\.httpTokens.*"optional" allows IMDSv1; set httpTokens to "required"/,
      count: 1,
    },
    {
      name: "httpTokens unset, endpoint enabled",
      patch: { metadataOptions: { httpEndpoint: "enabled" } },
      expect: /does not set metadataOptions\.httpTokens/,
      count: 1,
    },
    {
      name: "httpTokens optional",
      patch: { metadataOptions: { httpTokens: "optional", httpEndpoint: "enabled" } },
      expect: /sets metadataOptions\.httpTokens to "optional", which allows IMDSv1/,
      count: 1,
    },
    {
      name: "a launch template without metadataOptions",
      fixture: { type: LAUNCH_TEMPLATE, props: { imageId: "ami-1" } },
      expect: /the launch template does not set metadataOptions\.httpTokens/,
    },
    {
      name: "a launch template with tokens optional",
      fixture: { type: LAUNCH_TEMPLATE, props: { metadataOptions: { httpTokens: "optional" } } },
      expect: /the launch template sets metadataOptions\.httpTokens to "optional"/,
    },
    {
      name: "a launch configuration without metadataOptions",
      fixture: { type: LAUNCH_CONFIGURATION, props: { imageId: "ami-1", instanceType: "t3.micro" } },
      expect: /the launch configuration does not set/,
    },
    {
      name: "a spot instance request without metadataOptions",
      fixture: { type: SPOT_INSTANCE_REQUEST, props: { ami: "ami-1" } },
      expect: /the spot instance request does not set/,
    },
  ],
  unknown: [
    { name: "metadataOptions unknown", patch: { metadataOptions: unknown } },
    { name: "httpTokens unknown", patch: { metadataOptions: { httpTokens: unknown } } },
  ],
});

test("a hop limit above 1 on an instance is an advisory note, not a violation", async () => {
  const vs = await runPolicy(ec2Imdsv2Required, {
    type: INSTANCE,
    props: { metadataOptions: { ...required, httpPutResponseHopLimit: 3 } },
  });
  expect(vs.map((v) => v.enforcementLevel)).toEqual(["advisory"]);
  expect(vs[0].message).toMatch(/httpPutResponseHopLimit to 3/);
});
