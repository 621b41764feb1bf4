import { declaredExposure, k8sServiceExposure } from "../../../policies/kubernetes/service-exposure";
import { describePolicyTable, unknown } from "../harness";

const SCHEME = "service.beta.kubernetes.io/aws-load-balancer-scheme";
const LEGACY = "service.beta.kubernetes.io/aws-load-balancer-internal";

const withAnnotations = (annotations: Record<string, unknown>) => (props: any) => {
  props.metadata.annotations = annotations;
  return props;
};

describePolicyTable(k8sServiceExposure, {
  base: {
    type: "kubernetes:core/v1:Service",
    name: "api",
    props: {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "api", annotations: { "paved.dev/exposure": "internal", [SCHEME]: "internal" } },
      spec: { type: "LoadBalancer", selector: { app: "api" }, ports: [{ port: 443 }] },
    },
  },
  pass: [
    { name: "paved.dev/exposure internet", patch: withAnnotations({ "paved.dev/exposure": "internet" }) },
    {
      name: "paved.dev/exposure internal alone",
      patch: withAnnotations({ "paved.dev/exposure": "internal" }),
    },
    {
      name: "the AWS LB controller's internal scheme alone",
      patch: withAnnotations({ [SCHEME]: "internal" }),
    },
    { name: "the legacy in-tree internal annotation", patch: withAnnotations({ [LEGACY]: "true" }) },
    {
      name: "internet with internet-facing scheme",
      patch: withAnnotations({ "paved.dev/exposure": "internet", [SCHEME]: "internet-facing" }),
    },
    {
      name: "a ClusterIP Service needs no annotation",
      patch: (p: any) => ({ ...p, metadata: { name: "api" }, spec: { ...p.spec, type: "ClusterIP" } }),
    },
    {
      name: "a Service without a type (ClusterIP)",
      patch: (p: any) => ({ ...p, metadata: {}, spec: { ports: [] } }),
    },
  ],
  fail: [
    {
      name: "no annotations",
      patch: (p: any) => ({ ...p, metadata: { name: "api" } }),
      expect: /no exposure annotation/,
      count: 1,
    },
    {
      name: "internet-facing scheme without the Paved annotation",
      patch: withAnnotations({ [SCHEME]: "internet-facing" }),
      expect: /internet-facing without paved\.dev\/exposure/,
      count: 1,
    },
    {
      name: "an invalid exposure value",
      patch: withAnnotations({ "paved.dev/exposure": "public" }),
      expect: /"public"/,
      count: 1,
    },
    {
      name: "Paved says internal, the controller says internet-facing",
      patch: withAnnotations({ "paved.dev/exposure": "internal", [SCHEME]: "internet-facing" }),
      expect: /says internal but/,
      count: 1,
    },
    {
      name: "Paved says internet, the legacy annotation says internal",
      patch: withAnnotations({ "paved.dev/exposure": "internet", [LEGACY]: "true" }),
      expect: /says internet but/,
      count: 1,
    },
  ],
  unknown: [
    { name: "annotations unknown", patch: withAnnotations(unknown as never) },
    { name: "service type unknown", patch: (p: any) => ({ ...p, spec: { ...p.spec, type: unknown } }) },
  ],
});

describe("declaredExposure", () => {
  it("reads each accepted form", () => {
    expect(declaredExposure({ "paved.dev/exposure": "internet" })).toEqual({ exposure: "internet" });
    expect(declaredExposure({ [SCHEME]: "internal" })).toEqual({ exposure: "internal" });
    expect(declaredExposure({ [LEGACY]: "true" })).toEqual({ exposure: "internal" });
    expect(declaredExposure(undefined)).toHaveProperty("problem");
  });
});
