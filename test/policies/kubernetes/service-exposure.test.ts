import {
  declaredExposure,
  declaredNodePortExposure,
  k8sServiceExposure,
} from "../../../policies/kubernetes/service-exposure";
import { describePolicyTable, unknown } from "../harness";

const SCHEME = "service.beta.kubernetes.io/aws-load-balancer-scheme";
const LEGACY = "service.beta.kubernetes.io/aws-load-balancer-internal";

const withAnnotations = (annotations: Record<string, unknown>) => (props: any) => {
  props.metadata.annotations = annotations;
  return props;
};
/** A NodePort Service with the given annotations. */
const nodePort = (annotations?: Record<string, unknown>) => (props: any) => {
  props.metadata.annotations = annotations;
  props.spec = { type: "NodePort", selector: { app: "api" }, ports: [{ port: 443, nodePort: 30443 }] };
  return props;
};
const PATCH = "kubernetes:core/v1:ServicePatch";
const servicePatch = (props: Record<string, unknown>) => ({ type: PATCH, name: "api", props });

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
    { name: "a NodePort Service, internal", patch: nodePort({ "paved.dev/exposure": "internal" }) },
    {
      name: "a NodePort Service, internet deliberately",
      patch: nodePort({ "paved.dev/exposure": "internet" }),
    },
    {
      name: "an ExternalName Service",
      patch: (p: any) => ({
        ...p,
        metadata: {},
        spec: { type: "ExternalName", externalName: "db.example.com" },
      }),
    },
    {
      name: "a ServicePatch that does not mention the annotations (the Service has them)",
      fixture: servicePatch({ metadata: { name: "api" }, spec: { type: "LoadBalancer" } }),
    },
    {
      name: "a ServicePatch that only changes ports",
      fixture: servicePatch({ metadata: { name: "api" }, spec: { ports: [{ port: 8443 }] } }),
    },
    {
      name: "a ServicePatch that sets a valid exposure",
      fixture: servicePatch({ metadata: { name: "api", annotations: { "paved.dev/exposure": "internal" } } }),
    },
    {
      name: "a ServicePatch to ClusterIP",
      fixture: servicePatch({
        metadata: { name: "api", annotations: { "paved.dev/exposure": "bogus" } },
        spec: { type: "ClusterIP" },
      }),
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
    {
      name: "a NodePort Service without annotations",
      patch: nodePort(undefined),
      expect: /the NodePort Service's exposure is unclear: it has no exposure annotation/,
      count: 1,
    },
    {
      name: "a NodePort Service with only the AWS internal scheme (no load balancer to configure)",
      patch: nodePort({ [SCHEME]: "internal" }),
      expect: /NodePort Service's exposure is unclear: .*do not apply to node ports/,
      count: 1,
    },
    {
      name: "a NodePort Service with only the legacy internal annotation",
      patch: nodePort({ [LEGACY]: "true" }),
      expect: /NodePort Service's exposure is unclear/,
      count: 1,
    },
    {
      name: "a NodePort Service with an invalid exposure",
      patch: nodePort({ "paved.dev/exposure": "private" }),
      expect: /NodePort Service's exposure is unclear: paved\.dev\/exposure is "private"/,
      count: 1,
    },
    {
      name: "a ServicePatch that writes an invalid exposure",
      fixture: servicePatch({
        metadata: { annotations: { "paved.dev/exposure": "public" } },
        spec: { type: "LoadBalancer" },
      }),
      expect: /LoadBalancer Service's exposure is unclear: paved\.dev\/exposure is "public"/,
      count: 1,
    },
    {
      name: "a ServicePatch that writes contradicting annotations",
      fixture: servicePatch({
        metadata: { annotations: { "paved.dev/exposure": "internal", [SCHEME]: "internet-facing" } },
      }),
      expect: /Service \(patch\)'s exposure is unclear: .*says internal but/,
      count: 1,
    },
    {
      name: "a ServicePatch to NodePort with an invalid exposure",
      fixture: servicePatch({
        metadata: { annotations: { "paved.dev/exposure": "yes" } },
        spec: { type: "NodePort" },
      }),
      expect: /NodePort Service's exposure is unclear/,
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
  it("reads only Paved's annotation for a NodePort", () => {
    expect(declaredNodePortExposure({ "paved.dev/exposure": "internal" })).toEqual({ exposure: "internal" });
    expect(declaredNodePortExposure({ [SCHEME]: "internal" })).toHaveProperty("problem");
  });
});
