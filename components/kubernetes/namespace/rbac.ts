/**
 * Least-privilege RBAC for NamespaceBaseline: the deployer and reader Roles.
 * Pure.
 *
 * Deployers manage the team's workloads and their config. They get no `*`,
 * no `pods/exec`, `pods/attach` or `pods/portforward`, and nothing that widens
 * their own reach: NetworkPolicies, Roles, RoleBindings, ResourceQuotas and
 * LimitRanges belong to the baseline. Secrets: the deployer may `create` one,
 * but reads, updates and deletes only the Secrets named in `secretNames`
 * (`resourceNames`). The Pulumi Kubernetes provider needs `get` on a Secret it
 * manages (an update reads the live object first, even with server-side
 * apply, and `refresh` reads it), so the names it manages are listed, and no
 * other Secret's value is readable. `list`/`watch` (every Secret's value) only
 * with `allowSecretsListWatch`. Readers get `get`/`list`/`watch` on the same
 * resources, without Secrets.
 */
import type { ValidationProblem } from "../../core/errors";
import { nameProblem } from "../../core/naming";

/** A Role rule, as the Kubernetes API writes it. */
export interface RoleRule {
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly verbs: readonly string[];
  readonly resourceNames?: readonly string[];
}

const WRITE = ["get", "list", "watch", "create", "update", "patch", "delete"];
const READ = ["get", "list", "watch"];

/** The deployer's rules by default. */
export const DEFAULT_DEPLOYER_RULES: readonly RoleRule[] = [
  { apiGroups: ["apps"], resources: ["deployments", "statefulsets"], verbs: WRITE },
  { apiGroups: ["apps"], resources: ["replicasets"], verbs: READ },
  {
    apiGroups: [""],
    resources: ["services", "configmaps", "persistentvolumeclaims"],
    verbs: WRITE,
  },
  // Create only: reading, updating and deleting a Secret takes its name in `secretNames` (see secretRules).
  { apiGroups: [""], resources: ["secrets"], verbs: ["create"] },
  { apiGroups: [""], resources: ["pods"], verbs: ["get", "list", "watch", "delete"] },
  { apiGroups: [""], resources: ["pods/log", "events", "serviceaccounts"], verbs: READ },
  { apiGroups: ["batch"], resources: ["jobs", "cronjobs"], verbs: WRITE },
  { apiGroups: ["autoscaling"], resources: ["horizontalpodautoscalers"], verbs: WRITE },
  { apiGroups: ["policy"], resources: ["poddisruptionbudgets"], verbs: WRITE },
  { apiGroups: ["networking.k8s.io"], resources: ["ingresses"], verbs: WRITE },
  { apiGroups: ["argoproj.io"], resources: ["rollouts", "analysistemplates"], verbs: WRITE },
  { apiGroups: ["argoproj.io"], resources: ["analysisruns", "experiments"], verbs: READ },
  { apiGroups: ["monitoring.coreos.com"], resources: ["prometheusrules", "servicemonitors"], verbs: WRITE },
];

/** The verbs on a named Secret that the Pulumi provider needs to manage it (server-side apply). */
export const NAMED_SECRET_VERBS: readonly string[] = ["get", "update", "patch", "delete"];

/**
 * The deployer's rule for the Secrets it manages by name: `get`, `update`,
 * `patch`, `delete` limited to `resourceNames`. None when no name is given.
 */
export function secretRules(names: readonly string[]): RoleRule[] {
  if (names.length === 0) return [];
  return [
    { apiGroups: [""], resources: ["secrets"], verbs: [...NAMED_SECRET_VERBS], resourceNames: [...names] },
  ];
}

/** Checks the names of the Secrets the deployer manages. */
export function secretNameProblems(names: readonly string[], arg: string): ValidationProblem[] {
  const seen = new Set<string>();
  return names.flatMap((n, i): ValidationProblem[] => {
    const p = nameProblem("k8sDnsSubdomain", String(n), `${arg}[${i}]`);
    if (p) return [p];
    if (seen.has(n)) {
      return [
        {
          arg: `${arg}[${i}]`,
          problem: `repeats "${n}"`,
          fix: "list each Secret once",
          code: "PAVED_K8S_RBAC_SECRETS",
        },
      ];
    }
    seen.add(n);
    return [];
  });
}

/** Verbs that grant more than the rule names: escalation, binding and impersonation. */
const ESCALATING_VERBS = ["escalate", "bind", "impersonate"];
/** Subresources that open a shell or a tunnel into a pod. */
const SHELL_RESOURCES = ["pods/exec", "pods/attach", "pods/portforward"];
/** Resources the baseline owns: a deployer editing them could widen their own access. */
const BASELINE_RESOURCES = [
  "networkpolicies",
  "roles",
  "rolebindings",
  "resourcequotas",
  "limitranges",
  "namespaces",
];

/** Checks deployer rules. `arg` is the argument path (`rbac.deployerRules`). */
export function roleRuleProblems(
  rules: readonly RoleRule[],
  arg: string,
  opts: { allowSecretsListWatch: boolean },
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  if (rules.length === 0) {
    problems.push({
      arg,
      problem: "is empty",
      fix: "list the rules the role needs, or omit the argument for the defaults",
      code: "PAVED_K8S_RBAC_EMPTY",
    });
  }
  rules.forEach((r, i) => {
    const at = `${arg}[${i}]`;
    for (const field of ["apiGroups", "resources", "verbs"] as const) {
      const list = r[field];
      if (!Array.isArray(list) || list.length === 0) {
        problems.push({
          arg: `${at}.${field}`,
          problem: "is empty",
          fix: `list the ${field} explicitly`,
          code: "PAVED_K8S_RBAC_EMPTY",
        });
      } else if (list.includes("*")) {
        problems.push({
          arg: `${at}.${field}`,
          problem: 'contains the wildcard "*"',
          fix: `list the ${field} explicitly`,
          code: "PAVED_K8S_RBAC_WILDCARD",
        });
      }
    }
    const verbs = r.verbs ?? [];
    const resources = r.resources ?? [];
    const escalating = verbs.filter((v) => ESCALATING_VERBS.includes(v));
    if (escalating.length > 0) {
      problems.push({
        arg: `${at}.verbs`,
        problem: `grants ${escalating.join(", ")}, which lets the holder gain permissions the role does not list`,
        fix: "remove escalate, bind and impersonate; the platform team grants those",
        code: "PAVED_K8S_RBAC_ESCALATION",
      });
    }
    const owned = resources.filter((x) => BASELINE_RESOURCES.includes(x) || SHELL_RESOURCES.includes(x));
    if (owned.length > 0) {
      problems.push({
        arg: `${at}.resources`,
        problem: `grants ${owned.join(", ")}, which the baseline owns or which opens a shell into pods`,
        fix: "change the baseline's arguments instead (flows, quota, rbac); use logs and events to debug",
        code: "PAVED_K8S_RBAC_RESERVED",
      });
    }
    const secretsBroad = verbs.filter((v) => v === "list" || v === "watch");
    if (resources.includes("secrets") && secretsBroad.length > 0 && !opts.allowSecretsListWatch) {
      problems.push({
        arg: `${at}.verbs`,
        problem: `grants ${secretsBroad.join(" and ")} on secrets, which reads every secret's value`,
        fix: "name the Secrets the deployer manages in rbac.secretNames, or set rbac.allowSecretsListWatch: true and say why",
        code: "PAVED_K8S_RBAC_SECRETS",
      });
    }
    const named = Array.isArray(r.resourceNames) && r.resourceNames.length > 0;
    if (resources.includes("secrets") && verbs.includes("get") && !named && !opts.allowSecretsListWatch) {
      problems.push({
        arg: `${at}.verbs`,
        problem: "grants get on every secret in the namespace, which reads each one's value",
        fix: 'list the Secrets the deployer manages in rbac.secretNames (or limit the rule with resourceNames: ["<secret>"])',
        code: "PAVED_K8S_RBAC_SECRETS",
      });
    }
  });
  return problems;
}

/** The reader's rules: read verbs on the deployer's resources, without secrets. */
export function readerRules(deployer: readonly RoleRule[]): RoleRule[] {
  return deployer
    .map((r) => ({
      apiGroups: [...r.apiGroups],
      resources: r.resources.filter((x) => x !== "secrets"),
      verbs: [...READ],
    }))
    .filter((r) => r.resources.length > 0);
}

/** Checks group names for RoleBinding subjects. */
export function groupProblems(groups: readonly string[], arg: string): ValidationProblem[] {
  return groups.flatMap((g, i) =>
    typeof g === "string" && g.trim() !== "" && !g.startsWith("system:")
      ? []
      : [
          {
            arg: `${arg}[${i}]`,
            problem:
              typeof g === "string" && g.startsWith("system:")
                ? `"${g}" is a built-in Kubernetes group`
                : "is empty",
            fix: "use the identity provider's group for the team, for example team-payments-deployers",
            code: "PAVED_K8S_RBAC_GROUP",
          },
        ],
  );
}
