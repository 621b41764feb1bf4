/** The three rule policies on Roles and ClusterRoles: wildcards, escalation verbs, Secret reads. */
import { k8sRbacNoEscalationVerbs } from "../../../policies/kubernetes/rbac-no-escalation-verbs";
import { k8sRbacNoSecretRead } from "../../../policies/kubernetes/rbac-no-secret-read";
import { k8sRbacNoWildcards } from "../../../policies/kubernetes/rbac-no-wildcards";
import { describePolicyTable, type Fixture, unknown } from "../harness";

const CLUSTER_ROLE = "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole";
const ROLE = "kubernetes:rbac.authorization.k8s.io/v1:Role";

/** A least-privilege app role: reads its ConfigMaps and Deployments. */
const base: Fixture = {
  type: CLUSTER_ROLE,
  name: "reader",
  props: {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "ClusterRole",
    metadata: { name: "app-reader" },
    rules: [
      { apiGroups: [""], resources: ["configmaps", "services"], verbs: ["get", "list", "watch"] },
      { apiGroups: ["apps"], resources: ["deployments"], verbs: ["get"] },
    ],
  },
};

/** The base role with one more rule. */
const plusRule =
  (rule: Record<string, unknown>) =>
  (p: any): any => ({ ...p, rules: [...p.rules, rule] });
/** A fixture of another token (Role, patches, other versions) with the given rules. */
const of = (
  type: string,
  rules: unknown,
  metadata: Record<string, unknown> = { name: "app-role" },
): Fixture => ({
  type,
  name: "r",
  props: { metadata, rules },
});

const otherTokens = [
  ROLE,
  "kubernetes:rbac.authorization.k8s.io/v1:RolePatch",
  "kubernetes:rbac.authorization.k8s.io/v1:ClusterRolePatch",
  "kubernetes:rbac.authorization.k8s.io/v1beta1:ClusterRole",
  "kubernetes:rbac.authorization.k8s.io/v1beta1:Role",
  "kubernetes:rbac.authorization.k8s.io/v1alpha1:ClusterRole",
];

describePolicyTable(k8sRbacNoWildcards, {
  base,
  pass: [
    {
      name: "a system: role (the default platformRoles)",
      patch: (p: any) => ({
        ...p,
        metadata: { name: "system:controller:x" },
        rules: [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }],
      }),
    },
    {
      name: "a role named in platformRoles",
      patch: (p: any) => ({
        ...p,
        metadata: { name: "platform-operator" },
        rules: [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }],
      }),
      options: { config: { platformRoles: ["platform-*"] } },
    },
    {
      name: "a namespaced Role named namespace/name in platformRoles",
      fixture: of(ROLE, [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }], {
        name: "ops",
        namespace: "platform",
      }),
      options: { config: { platformRoles: ["platform/ops"] } },
    },
    {
      name: "a prefix non-resource URL",
      patch: plusRule({ nonResourceURLs: ["/healthz/*"], verbs: ["get"] }),
    },
    {
      name: "a patch that sets no rules",
      fixture: of("kubernetes:rbac.authorization.k8s.io/v1:ClusterRolePatch", undefined),
    },
    {
      name: "an aggregated ClusterRole (rules filled by the controller)",
      patch: (p: any) => ({
        ...p,
        rules: undefined,
        aggregationRule: { clusterRoleSelectors: [{ matchLabels: { a: "b" } }] },
      }),
    },
  ],
  fail: [
    {
      name: "verbs *",
      patch: plusRule({ apiGroups: [""], resources: ["pods"], verbs: ["*"] }),
      expect: /ClusterRole "app-reader" rule #2 grants wildcards: verbs \["\*"\]/,
      count: 1,
    },
    {
      name: "resources *",
      patch: plusRule({ apiGroups: ["apps"], resources: ["*"], verbs: ["get"] }),
      expect: /resources \["\*"\]/,
      count: 1,
    },
    {
      name: "apiGroups *",
      patch: plusRule({ apiGroups: ["*"], resources: ["pods"], verbs: ["get"] }),
      expect: /apiGroups \["\*"\]/,
      count: 1,
    },
    {
      name: "subresource wildcard pods/*",
      patch: plusRule({ apiGroups: [""], resources: ["pods/*"], verbs: ["get"] }),
      expect: /resources \["pods\/\*"\]/,
      count: 1,
    },
    {
      name: "nonResourceURLs *",
      patch: plusRule({ nonResourceURLs: ["*"], verbs: ["get"] }),
      expect: /nonResourceURLs \["\*"\]/,
      count: 1,
    },
    {
      name: "all three in one rule: one finding naming each",
      patch: plusRule({ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }),
      expect: /verbs \["\*"\], apiGroups \["\*"\], resources \["\*"\]/,
      count: 1,
    },
    {
      name: "two wildcard rules: two findings",
      patch: (p: any) => ({
        ...p,
        rules: [
          { apiGroups: ["*"], resources: ["pods"], verbs: ["get"] },
          { apiGroups: [""], resources: ["pods"], verbs: ["*"] },
        ],
      }),
      expect: /rule #[01] grants wildcards/,
      count: 2,
    },
    {
      name: "a single string instead of a list",
      patch: plusRule({ apiGroups: "", resources: "pods", verbs: "*" }),
      expect: /verbs \["\*"\]/,
      count: 1,
    },
    {
      name: "an auto-named role (no metadata.name)",
      patch: (p: any) => ({
        ...p,
        metadata: {},
        rules: [{ apiGroups: ["*"], resources: ["*"], verbs: ["get"] }],
      }),
      expect: /ClusterRole reader \(auto-named\) rule #0/,
      count: 1,
    },
    {
      name: "a role whose name is not known until apply is an app role",
      patch: (p: any) => ({
        ...p,
        metadata: { name: unknown },
        rules: [{ apiGroups: ["*"], resources: ["pods"], verbs: ["get"] }],
      }),
      expect: /name not known until apply/,
      count: 1,
    },
    {
      name: "platformRoles replaced: system: roles are checked too",
      patch: (p: any) => ({
        ...p,
        metadata: { name: "system:x" },
        rules: [{ apiGroups: ["*"], resources: ["pods"], verbs: ["get"] }],
      }),
      options: { config: { platformRoles: [] } },
      expect: /ClusterRole "system:x"/,
      count: 1,
    },
    ...otherTokens.map((type) => ({
      name: `${type.split("/").pop()} with verbs *`,
      fixture: of(type, [{ apiGroups: [""], resources: ["pods"], verbs: ["*"] }], {
        name: "app-role",
        namespace: "team-a",
      }),
      expect: /verbs \["\*"\]/,
      count: 1,
    })),
    {
      name: "a namespaced Role is named namespace/name",
      fixture: of(ROLE, [{ apiGroups: ["*"], resources: ["pods"], verbs: ["get"] }], {
        name: "r1",
        namespace: "team-a",
      }),
      expect: /Role "team-a\/r1" rule #0/,
      count: 1,
    },
    {
      name: "a definite wildcard beside an unknown rule",
      patch: (p: any) => ({
        ...p,
        rules: [unknown, { apiGroups: ["*"], resources: ["pods"], verbs: ["get"] }],
      }),
      expect: /rule #1/,
      count: 1,
    },
  ],
  unknown: [
    { name: "rules unknown", patch: { rules: unknown } },
    { name: "verbs unknown", patch: plusRule({ apiGroups: [""], resources: ["pods"], verbs: unknown }) },
    {
      name: "one verb unknown",
      patch: plusRule({ apiGroups: [""], resources: ["pods"], verbs: ["get", unknown] }),
    },
  ],
});

describePolicyTable(k8sRbacNoEscalationVerbs, {
  base,
  pass: [
    {
      name: "a system: role",
      patch: (p: any) => ({
        ...p,
        metadata: { name: "system:aggregate-to-admin" },
        rules: [
          { apiGroups: ["rbac.authorization.k8s.io"], resources: ["roles"], verbs: ["bind", "escalate"] },
        ],
      }),
    },
    {
      name: "create on rolebindings (not an escalation verb by itself)",
      patch: plusRule({
        apiGroups: ["rbac.authorization.k8s.io"],
        resources: ["rolebindings"],
        verbs: ["create"],
      }),
    },
    {
      name: "a patch that sets no rules",
      fixture: of("kubernetes:rbac.authorization.k8s.io/v1:RolePatch", undefined),
    },
  ],
  fail: [
    {
      name: "escalate",
      patch: plusRule({
        apiGroups: ["rbac.authorization.k8s.io"],
        resources: ["clusterroles"],
        verbs: ["escalate"],
      }),
      expect: /grants the privilege-escalation verbs \["escalate"\] on \["clusterroles"\]/,
      count: 1,
    },
    {
      name: "bind",
      patch: plusRule({
        apiGroups: ["rbac.authorization.k8s.io"],
        resources: ["roles"],
        verbs: ["get", "bind"],
      }),
      expect: /\["bind"\]/,
      count: 1,
    },
    {
      name: "impersonate users",
      patch: plusRule({
        apiGroups: [""],
        resources: ["users", "groups", "serviceaccounts"],
        verbs: ["impersonate"],
      }),
      expect: /\["impersonate"\] on \["users", "groups", "serviceaccounts"\]/,
      count: 1,
    },
    {
      name: "all three",
      patch: plusRule({ apiGroups: ["*"], resources: ["*"], verbs: ["bind", "escalate", "impersonate"] }),
      expect: /\["bind", "escalate", "impersonate"\]/,
      count: 1,
    },
    {
      name: "upper case",
      patch: plusRule({ apiGroups: [""], resources: ["users"], verbs: ["Impersonate"] }),
      expect: /\["Impersonate"\]/,
      count: 1,
    },
    ...otherTokens.map((type) => ({
      name: `${type.split("/").pop()} with bind`,
      fixture: of(type, [
        { apiGroups: ["rbac.authorization.k8s.io"], resources: ["clusterroles"], verbs: ["bind"] },
      ]),
      expect: /\["bind"\]/,
      count: 1,
    })),
  ],
  unknown: [
    { name: "rules unknown", patch: { rules: unknown } },
    { name: "verbs unknown", patch: plusRule({ apiGroups: [""], resources: ["users"], verbs: unknown }) },
  ],
});

describePolicyTable(k8sRbacNoSecretRead, {
  base,
  pass: [
    {
      name: "create secrets only (no read)",
      patch: plusRule({ apiGroups: [""], resources: ["secrets"], verbs: ["create", "update"] }),
    },
    {
      name: "get one named Secret",
      patch: plusRule({
        apiGroups: [""],
        resources: ["secrets"],
        resourceNames: ["app-tls"],
        verbs: ["get"],
      }),
    },
    {
      name: "secrets in another API group (a CRD named secrets)",
      patch: plusRule({ apiGroups: ["example.com"], resources: ["secrets"], verbs: ["get"] }),
    },
    { name: "no apiGroups (matches nothing)", patch: plusRule({ resources: ["secrets"], verbs: ["get"] }) },
    {
      name: "a system: role",
      patch: (p: any) => ({
        ...p,
        metadata: { name: "system:controller:token-cleaner" },
        rules: [{ apiGroups: [""], resources: ["secrets"], verbs: ["list"] }],
      }),
    },
    {
      name: "an unknown verb list beside a rule that reads nothing of secrets",
      patch: plusRule({ apiGroups: ["apps"], resources: ["deployments"], verbs: unknown }),
    },
  ],
  fail: [
    ...["get", "list", "watch", "*"].map((verb) => ({
      name: `${verb} on secrets`,
      patch: plusRule({ apiGroups: [""], resources: ["secrets"], verbs: [verb] }),
      expect: new RegExp(
        `rule #2 grants \\["\\${verb === "*" ? "*" : verb}"\\] on \\["secrets"\\] in the core API group`,
      ),
      count: 1,
    })),
    {
      name: "get on * resources",
      patch: plusRule({ apiGroups: [""], resources: ["*"], verbs: ["get"] }),
      expect: /on \["\*"\]/,
      count: 1,
    },
    {
      name: "secrets in apiGroups *",
      patch: plusRule({ apiGroups: ["*"], resources: ["secrets"], verbs: ["list"] }),
      expect: /\["list"\] on \["secrets"\]/,
      count: 1,
    },
    {
      name: "secrets beside other resources",
      patch: plusRule({
        apiGroups: [""],
        resources: ["configmaps", "secrets"],
        verbs: ["get", "list", "create"],
      }),
      expect: /grants \["get", "list"\] on \["secrets"\]/,
      count: 1,
    },
    {
      name: "named Secrets when allowNamedSecrets is false",
      patch: plusRule({ apiGroups: [""], resources: ["secrets"], resourceNames: ["db"], verbs: ["get"] }),
      options: { config: { allowNamedSecrets: false } },
      expect: /reads Secrets/,
      count: 1,
    },
    {
      name: "a single-string rule",
      patch: plusRule({ apiGroups: "", resources: "secrets", verbs: "watch" }),
      expect: /\["watch"\]/,
      count: 1,
    },
    ...otherTokens.map((type) => ({
      name: `${type.split("/").pop()} listing secrets`,
      fixture: of(type, [{ apiGroups: [""], resources: ["secrets"], verbs: ["list"] }]),
      expect: /reads Secrets/,
      count: 1,
    })),
  ],
  unknown: [
    { name: "rules unknown", patch: { rules: unknown } },
    {
      name: "resources unknown on a get rule",
      patch: plusRule({ apiGroups: [""], resources: unknown, verbs: ["get"] }),
    },
    {
      name: "resourceNames unknown on a secrets rule",
      patch: plusRule({ apiGroups: [""], resources: ["secrets"], resourceNames: unknown, verbs: ["get"] }),
    },
  ],
});
