import { k8sNamespacePodSecurity } from "../../../policies/kubernetes/namespace-pod-security";
import { describePolicyTable, type Fixture, unknown } from "../harness";

const ENFORCE = "pod-security.kubernetes.io/enforce";
const ns = (type: string, labels: unknown, name: unknown = "orders"): Fixture => ({
  type,
  name: "ns",
  props: { metadata: { name, labels } },
});
const NS = "kubernetes:core/v1:Namespace";
const PATCH = "kubernetes:core/v1:NamespacePatch";

describePolicyTable(k8sNamespacePodSecurity, {
  base: ns(NS, { [ENFORCE]: "restricted", "pod-security.kubernetes.io/audit": "restricted" }),
  pass: [
    { name: "kube-system is exempt by default", fixture: ns(NS, undefined, "kube-system") },
    {
      name: "baseline when the minimum is baseline",
      fixture: ns(NS, { [ENFORCE]: "baseline" }),
      options: { config: { minimumLevel: "baseline" } },
    },
    {
      name: "a configured exempt namespace",
      fixture: ns(NS, { [ENFORCE]: "privileged" }, "node-agents"),
      options: { config: { exemptNamespaces: ["node-agents"] } },
    },
    { name: "a NamespacePatch that does not mention the label", fixture: ns(PATCH, { team: "orders" }) },
    { name: "a NamespacePatch that sets restricted", fixture: ns(PATCH, { [ENFORCE]: "restricted" }) },
  ],
  fail: [
    {
      name: "no labels",
      fixture: ns(NS, undefined),
      expect:
        /namespace "orders" has no pod-security\.kubernetes\.io\/enforce label.*label it pod-security\.kubernetes\.io\/enforce: restricted/,
      count: 1,
    },
    {
      name: "only audit and warn",
      fixture: ns(NS, { "pod-security.kubernetes.io/warn": "restricted" }),
      expect: /has no pod-security\.kubernetes\.io\/enforce label/,
      count: 1,
    },
    {
      name: "privileged",
      fixture: ns(NS, { [ENFORCE]: "privileged" }),
      expect: /sets pod-security\.kubernetes\.io\/enforce: "privileged", below restricted/,
      count: 1,
    },
    {
      name: "baseline (restricted required)",
      fixture: ns(NS, { [ENFORCE]: "baseline" }),
      expect: /"baseline", below restricted/,
      count: 1,
    },
    {
      name: "privileged when the minimum is baseline",
      fixture: ns(NS, { [ENFORCE]: "privileged" }),
      options: { config: { minimumLevel: "baseline" } },
      expect: /below baseline/,
      count: 1,
    },
    {
      name: "an invalid value",
      fixture: ns(NS, { [ENFORCE]: "Restricted" }),
      expect: /"Restricted"/,
      count: 1,
    },
    {
      name: "an auto-named Namespace",
      fixture: { type: NS, name: "ns", props: { metadata: { labels: {} } } },
      expect: /namespace ns has no/,
      count: 1,
    },
    {
      name: "a NamespacePatch that lowers the label to privileged",
      fixture: ns(PATCH, { [ENFORCE]: "privileged" }, "default"),
      expect: /namespace "default" sets pod-security\.kubernetes\.io\/enforce: "privileged"/,
      count: 1,
    },
  ],
  unknown: [
    { name: "the label unknown", fixture: ns(NS, { [ENFORCE]: unknown }) },
    { name: "labels unknown", fixture: ns(NS, unknown) },
  ],
});
