/** The binding policies: cluster-admin for anyone, and ClusterRoleBindings to ServiceAccounts. */
import { k8sRbacNoClusterAdminBinding } from "../../../policies/kubernetes/rbac-no-cluster-admin-binding";
import { k8sRbacServiceAccountClusterBinding } from "../../../policies/kubernetes/rbac-service-account-cluster-binding";
import { describePolicyTable, type Fixture, unknown } from "../harness";

const G = "rbac.authorization.k8s.io";
const CRB = `kubernetes:${G}/v1:ClusterRoleBinding`;
const RB = `kubernetes:${G}/v1:RoleBinding`;
const sa = (name: string, namespace = "team-a") => ({ kind: "ServiceAccount", name, namespace });
const group = (name: string) => ({ kind: "Group", apiGroup: G, name });
const user = (name: string) => ({ kind: "User", apiGroup: G, name });

const binding = (type: string, roleRef: unknown, subjects: unknown, name = "app-binding"): Fixture => ({
  type,
  name: "b",
  props: {
    metadata: { name, namespace: type.includes(":RoleBinding") ? "team-a" : undefined },
    roleRef,
    subjects,
  },
});
const clusterRole = (name: string) => ({ apiGroup: G, kind: "ClusterRole", name });

describePolicyTable(k8sRbacNoClusterAdminBinding, {
  base: binding(RB, clusterRole("view"), [user("alice"), sa("web")]),
  pass: [
    { name: "a ClusterRoleBinding to view", fixture: binding(CRB, clusterRole("view"), [group("devs")]) },
    {
      name: "a RoleBinding to the namespace admin role",
      fixture: binding(RB, clusterRole("admin"), [group("team-a")]),
    },
    {
      name: "a Role named cluster-admin (namespaced, not the ClusterRole)",
      fixture: binding(RB, { apiGroup: G, kind: "Role", name: "cluster-admin" }, [user("a")]),
    },
    {
      name: "an allowed break-glass group",
      fixture: binding(CRB, clusterRole("cluster-admin"), [group("platform-admins")]),
      options: { config: { allowedSubjects: ["Group:platform-admins"] } },
    },
    {
      name: "an allowed ServiceAccount (glob)",
      fixture: binding(CRB, clusterRole("cluster-admin"), [sa("argocd", "argocd")]),
      options: { config: { allowedSubjects: ["ServiceAccount:argocd/*"] } },
    },
    {
      name: "a patch that does not set roleRef",
      fixture: binding(`kubernetes:${G}/v1:ClusterRoleBindingPatch`, undefined, [user("alice")]),
    },
  ],
  fail: [
    {
      name: "ClusterRoleBinding cluster-admin to a user",
      fixture: binding(CRB, clusterRole("cluster-admin"), [user("alice")]),
      expect:
        /ClusterRoleBinding "app-binding" grants cluster-admin \(every right in the whole cluster\) to User "alice"/,
      count: 1,
    },
    {
      name: "ClusterRoleBinding cluster-admin to a ServiceAccount",
      fixture: binding(CRB, clusterRole("cluster-admin"), [sa("ci", "tools")]),
      expect: /ServiceAccount "tools\/ci"/,
      count: 1,
    },
    {
      name: "ClusterRoleBinding cluster-admin to system:authenticated",
      fixture: binding(CRB, clusterRole("cluster-admin"), [group("system:authenticated")]),
      expect: /Group "system:authenticated"/,
      count: 1,
    },
    {
      name: "RoleBinding cluster-admin in a namespace",
      fixture: binding(RB, clusterRole("cluster-admin"), [group("team-a")]),
      expect:
        /RoleBinding "team-a\/app-binding" grants cluster-admin \(every right in its namespace, RBAC included\)/,
      count: 1,
    },
    {
      name: "roleRef without kind",
      fixture: binding(CRB, { name: "cluster-admin" }, [user("bob")]),
      expect: /grants cluster-admin/,
      count: 1,
    },
    {
      name: "no subjects yet",
      fixture: binding(CRB, clusterRole("cluster-admin"), undefined),
      expect: /to no subjects yet/,
      count: 1,
    },
    {
      name: "one allowed subject, one not: names only the other",
      fixture: binding(CRB, clusterRole("cluster-admin"), [group("platform-admins"), user("eve")]),
      options: { config: { allowedSubjects: ["Group:platform-admins"] } },
      expect: /to User "eve";/,
      count: 1,
    },
    ...[
      "v1beta1:ClusterRoleBinding",
      "v1alpha1:RoleBinding",
      "v1:ClusterRoleBindingPatch",
      "v1:RoleBindingPatch",
    ].map((t) => ({
      name: `${t}`,
      fixture: binding(`kubernetes:${G}/${t}`, clusterRole("cluster-admin"), [user("alice")]),
      expect: /grants cluster-admin/,
      count: 1,
    })),
  ],
  unknown: [
    {
      name: "roleRef name unknown",
      fixture: binding(CRB, { ...clusterRole("x"), name: unknown }, [user("a")]),
    },
    {
      name: "subjects unknown on a cluster-admin binding",
      fixture: binding(CRB, clusterRole("cluster-admin"), unknown),
    },
  ],
});

describePolicyTable(k8sRbacServiceAccountClusterBinding, {
  base: binding(CRB, clusterRole("app-reader"), [group("devs"), user("alice")]),
  pass: [
    {
      name: "a kube-system ServiceAccount (default allow-list)",
      fixture: binding(CRB, clusterRole("app-reader"), [sa("coredns", "kube-system")]),
    },
    {
      name: "system:auth-delegator (default allowed ClusterRole)",
      fixture: binding(CRB, clusterRole("system:auth-delegator"), [sa("metrics-adapter", "monitoring")]),
    },
    {
      name: "an allowed platform ServiceAccount",
      fixture: binding(CRB, clusterRole("app-reader"), [sa("controller", "cert-manager")]),
      options: { config: { allowedServiceAccounts: ["cert-manager/*"] } },
    },
    {
      name: "a patch with no subjects",
      fixture: binding(`kubernetes:${G}/v1:ClusterRoleBindingPatch`, clusterRole("app-reader"), undefined),
    },
  ],
  fail: [
    {
      name: "an app ServiceAccount bound cluster-wide",
      fixture: binding(CRB, clusterRole("app-reader"), [sa("web")]),
      expect:
        /ClusterRoleBinding "app-binding" binds ClusterRole "app-reader" cluster-wide to ServiceAccount "team-a\/web"; use a RoleBinding/,
      count: 1,
    },
    {
      name: "a ClusterRole created in the stack (name known at apply)",
      fixture: binding(CRB, { ...clusterRole("x"), name: unknown }, [sa("web")]),
      expect: /a ClusterRole \(named at apply\)/,
      count: 1,
    },
    {
      name: "a default ServiceAccount",
      fixture: binding(CRB, clusterRole("view"), [sa("default", "team-b")]),
      expect: /ServiceAccount "team-b\/default"/,
      count: 1,
    },
    {
      name: "names every ServiceAccount, not the users",
      fixture: binding(CRB, clusterRole("view"), [user("a"), sa("x"), sa("y", "b")]),
      expect: /to ServiceAccount "team-a\/x", ServiceAccount "b\/y";/,
      count: 1,
    },
    {
      name: "kube-system allowed no more when the list is replaced",
      fixture: binding(CRB, clusterRole("view"), [sa("coredns", "kube-system")]),
      options: { config: { allowedServiceAccounts: [] } },
      expect: /kube-system\/coredns/,
      count: 1,
    },
    {
      name: "v1beta1 ClusterRoleBinding",
      fixture: binding(`kubernetes:${G}/v1beta1:ClusterRoleBinding`, clusterRole("view"), [sa("web")]),
      expect: /cluster-wide/,
      count: 1,
    },
    {
      name: "a ClusterRoleBindingPatch adding a ServiceAccount (roleRef left to the binding)",
      fixture: binding(`kubernetes:${G}/v1:ClusterRoleBindingPatch`, undefined, [sa("web")]),
      expect: /binds its ClusterRole cluster-wide/,
      count: 1,
    },
    {
      name: "in prod (mandatory)",
      fixture: binding(CRB, clusterRole("view"), [sa("web")]),
      options: { config: { enforcementLevel: "mandatory" } },
      expect: /cluster-wide/,
      count: 1,
    },
  ],
  unknown: [
    { name: "subjects unknown", fixture: binding(CRB, clusterRole("view"), unknown) },
    {
      name: "a subject's namespace unknown",
      fixture: binding(CRB, clusterRole("view"), [{ ...sa("web"), namespace: unknown }]),
    },
  ],
});

test("a RoleBinding to a ServiceAccount is not this policy's business", () => {
  expect(k8sRbacServiceAccountClusterBinding.types?.some((t) => t.endsWith(":RoleBinding"))).toBe(false);
});
