import { DEV_GOVERNANCE, descendants, settle, useMocks, valueOf } from "../../helpers/pulumi";
const records = useMocks({ config: DEV_GOVERNANCE });
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import {
  CanaryRollout,
  EncryptedStorageClass,
  NamespaceBaseline,
  SloAlerts,
  VolumeClaim,
} from "../../../components/kubernetes";

test("every component passes its provider to every child, and stamps its type token", async () => {
  const provider = new k8s.Provider("team-cluster", {});
  const ns = new NamespaceBaseline("team", { provider });
  const sc = new EncryptedStorageClass("team-sc", {
    kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/k",
    provider,
  });
  const comps: [pulumi.ComponentResource, string][] = [
    [ns, "paved:k8s:NamespaceBaseline"],
    [sc, "paved:k8s:EncryptedStorageClass"],
    [
      new VolumeClaim("team-data", { storageClass: sc, namespace: ns.namespaceName, size: "10Gi", provider }),
      "paved:k8s:VolumeClaim",
    ],
    [
      new SloAlerts("team-slo", { service: "api", namespace: ns.namespaceName, provider }),
      "paved:k8s:SloAlerts",
    ],
    [
      new CanaryRollout("team-api", {
        namespace: ns.namespaceName,
        image: "registry.example.com/api:2.0.1",
        provider,
      }),
      "paved:k8s:CanaryRollout",
    ],
  ];
  await settle();
  const providerUrn = await valueOf(provider.urn);
  for (const [comp, token] of comps) {
    const urn = await valueOf(comp.urn);
    expect(urn).toContain(`::${token}::`);
    const kids = descendants(records, urn);
    expect(kids.length).toBeGreaterThan(0);
    for (const k of kids) expect(k.provider.startsWith(`${providerUrn}::`)).toBe(true);
  }
});

test("claims, rules and rollouts placed in a baseline's namespace depend on it", async () => {
  const ns = new NamespaceBaseline("dep", {});
  const claim = new VolumeClaim("dep-data", {
    storageClass: { name: "fast", volumeType: "gp3", iops: 3000 },
    namespace: ns.namespaceName,
    size: "10Gi",
  });
  await settle();
  const nsUrn = descendants(records, await valueOf(ns.urn)).find((r) => r.name === "dep-ns")!.urn;
  const pvc = descendants(records, await valueOf(claim.urn))[0];
  expect(pvc.dependencies).toContain(nsUrn);
  expect((pvc.inputs.metadata as { namespace: string }).namespace).toBe("dep");
});
