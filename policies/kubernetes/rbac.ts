/**
 * Reading Kubernetes RBAC objects for the `k8s-rbac-*` policies: the rules of a
 * Role or ClusterRole, the roleRef and subjects of a binding, and which roles
 * belong to the platform rather than to an app. Pure; never throws on odd
 * input (a preview unknown is returned as `UNKNOWN`).
 *
 * "App identity": every Role and ClusterRole the stack declares is taken to be
 * granted to an app unless its name matches the policy's `platformRoles`
 * allow-list (default `system:*`, the cluster's bootstrap roles). A label on
 * the role is not trusted for this: it is written by the same program it would
 * exempt, while the pack config belongs to the platform team.
 */
import { UNKNOWN, get, kubernetesTypeOf, listOf, show } from "../../components/kubernetes/workloads";
import { rawProps } from "../lib/sdk";
import type { Finding, ResourceUnderCheck } from "../lib/types";
import { previewUnknown } from "../lib/unknown";

const RBAC_VERSIONS = ["v1", "v1beta1", "v1alpha1"] as const;
const token = (v: string, kind: string) => `kubernetes:rbac.authorization.k8s.io/${v}:${kind}`;
const tokens = (kinds: readonly string[]) =>
  RBAC_VERSIONS.flatMap((v) => kinds.flatMap((k) => [token(v, k), token(v, `${k}Patch`)]));

/** Role and ClusterRole, and their `...Patch` variants, in every RBAC API version the provider ships. */
export const ROLE_TYPES: readonly string[] = tokens(["Role", "ClusterRole"]);
/** RoleBinding and ClusterRoleBinding, and their `...Patch` variants. */
export const BINDING_TYPES: readonly string[] = tokens(["RoleBinding", "ClusterRoleBinding"]);
/** ClusterRoleBinding and ClusterRoleBindingPatch only. */
export const CLUSTER_BINDING_TYPES: readonly string[] = tokens(["ClusterRoleBinding"]);

/** The default `platformRoles`: the cluster's own bootstrap roles. */
export const DEFAULT_PLATFORM_ROLES: readonly string[] = ["system:*"];

/** The JSON Schema of a `platformRoles` allow-list. */
export const PLATFORM_ROLES_SCHEMA = {
  type: "array",
  items: { type: "string" },
  default: DEFAULT_PLATFORM_ROLES,
  description:
    "Names of platform roles this policy does not check (`*` matches any characters; a Role may also be named `namespace/name`). Every other Role and ClusterRole is treated as granted to an app.",
};

/** True when `value` matches the glob `pattern` (`*` matches any run of characters, case-sensitive). */
export function globMatch(pattern: string, value: string): boolean {
  const re = pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
  return new RegExp(`^${re}$`).test(value);
}

/** True when any pattern matches any of the values. */
export function matchesAny(patterns: readonly string[] | undefined, values: readonly string[]): boolean {
  return (patterns ?? []).some((p) => typeof p === "string" && values.some((v) => globMatch(p, v)));
}

/** A list of strings as the user wrote it (a single string is a list of one); UNKNOWN when any part is. */
export function stringsOf(v: unknown): string[] | typeof UNKNOWN {
  if (typeof v === "string") return [v];
  const list = listOf(v);
  if (list === UNKNOWN) return UNKNOWN;
  if (list === "invalid") return [];
  if (list.includes(UNKNOWN)) return UNKNOWN;
  return list.filter((x): x is string => typeof x === "string");
}

/** One rule of a role, its lists read (UNKNOWN where not known at preview). */
export interface RbacRule {
  readonly index: number;
  readonly verbs: string[] | typeof UNKNOWN;
  readonly apiGroups: string[] | typeof UNKNOWN;
  readonly resources: string[] | typeof UNKNOWN;
  readonly resourceNames: string[] | typeof UNKNOWN;
  readonly nonResourceURLs: string[] | typeof UNKNOWN;
}

/** What a role check sees: who the role is, and its rules. */
export interface RoleView {
  /** `ClusterRole "reader"`, `Role "team-a/reader"`, or `ClusterRole r (auto-named)`. */
  readonly label: string;
  /** The names the platform allow-list is matched against. */
  readonly names: string[];
  /** True when the name is not known until apply (it then matches no allow-list entry). */
  readonly nameUnknown: boolean;
  /** The rules, or UNKNOWN when the list itself is unknown. */
  readonly rules: RbacRule[] | typeof UNKNOWN;
  /** True for RolePatch and ClusterRolePatch. */
  readonly patch: boolean;
}

function nameOf(r: ResourceUnderCheck, obj: unknown, kind: string) {
  const meta = get(obj, "metadata");
  const name = get(meta, "name");
  const ns = get(meta, "namespace");
  const nameUnknown = name === UNKNOWN;
  const names: string[] = [];
  let label: string;
  if (typeof name === "string" && name !== "") {
    names.push(name);
    const namespaced = kind === "Role" || kind === "RoleBinding";
    const qualified = namespaced && typeof ns === "string" && ns !== "" ? `${ns}/${name}` : name;
    if (qualified !== name) names.push(qualified);
    label = `${kind} "${qualified}"`;
  } else {
    label = `${kind} ${r.name}${nameUnknown ? " (name not known until apply)" : " (auto-named)"}`;
  }
  return { label, names, nameUnknown };
}

/** Reads a Role or ClusterRole (or a patch of one). */
export function roleView(r: ResourceUnderCheck): RoleView {
  const t = kubernetesTypeOf(r.type);
  const kind = t?.kind ?? "Role";
  const obj = rawProps(r.props);
  const list = listOf(get(obj, "rules"));
  const read = (rule: unknown, field: string) => (rule === UNKNOWN ? UNKNOWN : stringsOf(get(rule, field)));
  let rules: RbacRule[] | typeof UNKNOWN = [];
  if (list === UNKNOWN) rules = UNKNOWN;
  else if (list !== "invalid") {
    rules = list.map((rule, index): RbacRule => ({
      index,
      verbs: read(rule, "verbs"),
      apiGroups: read(rule, "apiGroups"),
      resources: read(rule, "resources"),
      resourceNames: read(rule, "resourceNames"),
      nonResourceURLs: read(rule, "nonResourceURLs"),
    }));
  }
  return { ...nameOf(r, obj, kind), rules, patch: t?.patch === true };
}

/** A rule check's answer: a problem (what the rule grants), UNKNOWN (cannot tell yet), or undefined (fine). */
export type RuleVerdict = string | typeof UNKNOWN | undefined;

/**
 * Runs a rule check over every rule of an app role: one finding per offending
 * rule, `<role> rule #i <problem>; <fix>`. Platform roles (by name) yield none.
 * When only unknowns stand between the check and a verdict, throws `previewUnknown`.
 */
export function checkRoleRules(
  r: ResourceUnderCheck,
  platformRoles: readonly string[] | undefined,
  check: (rule: RbacRule) => RuleVerdict,
  fix: string,
): Finding[] {
  const role = roleView(r);
  if (matchesAny(platformRoles ?? DEFAULT_PLATFORM_ROLES, role.names)) return [];
  if (role.rules === UNKNOWN) throw previewUnknown(`the rules of ${role.label} are not known until apply`);
  const findings: Finding[] = [];
  let unknowns = 0;
  for (const rule of role.rules) {
    const verdict = check(rule);
    if (verdict === UNKNOWN) unknowns++;
    else if (verdict !== undefined) {
      findings.push({ message: `${role.label} rule #${rule.index} ${verdict}; ${fix}` });
    }
  }
  if (findings.length === 0 && unknowns > 0) {
    throw previewUnknown(`${unknowns} rule(s) of ${role.label} are not known until apply`);
  }
  return findings;
}

/** Quotes a list for a message: `["*", "get"]`. */
export function quoteList(values: readonly string[]): string {
  return `[${values.map((v) => JSON.stringify(v)).join(", ")}]`;
}

/** One subject of a binding. */
export interface RbacSubject {
  readonly kind: string;
  readonly name: string;
  /** For a ServiceAccount. */
  readonly namespace?: string;
}

/** A subject for messages and allow-lists: `ServiceAccount "ns/name"`, `User "alice"`. */
export function subjectId(s: RbacSubject): string {
  return s.kind === "ServiceAccount" ? `${s.namespace ?? "?"}/${s.name}` : s.name;
}

/** What a binding check sees. */
export interface BindingView {
  /** `ClusterRoleBinding "ops"`, or with the resource name when auto-named. */
  readonly label: string;
  readonly kind: string;
  /** roleRef.kind and roleRef.name (each UNKNOWN or undefined when so). */
  readonly roleKind: unknown;
  readonly roleName: unknown;
  /** The subjects, UNKNOWN when the list or any subject's kind/name is unknown. */
  readonly subjects: RbacSubject[] | typeof UNKNOWN;
  readonly patch: boolean;
}

/** Reads a RoleBinding or ClusterRoleBinding (or a patch of one). */
export function bindingView(r: ResourceUnderCheck): BindingView {
  const t = kubernetesTypeOf(r.type);
  const kind = t?.kind ?? "RoleBinding";
  const obj = rawProps(r.props);
  const roleRef = get(obj, "roleRef");
  const list = listOf(get(obj, "subjects"));
  let subjects: RbacSubject[] | typeof UNKNOWN = [];
  if (list === UNKNOWN) subjects = UNKNOWN;
  else if (list !== "invalid") {
    for (const s of list) {
      const [k, n, ns] = [get(s, "kind"), get(s, "name"), get(s, "namespace")];
      if (k === UNKNOWN || n === UNKNOWN || ns === UNKNOWN) {
        subjects = UNKNOWN;
        break;
      }
      subjects.push({
        kind: typeof k === "string" ? k : "?",
        name: typeof n === "string" ? n : show(n),
        namespace: typeof ns === "string" ? ns : undefined,
      });
    }
  }
  return {
    ...nameOf(r, obj, kind),
    kind,
    roleKind: get(roleRef, "kind"),
    roleName: get(roleRef, "name"),
    subjects,
    patch: t?.patch === true,
  };
}

/** Subjects for a message: `User "alice", ServiceAccount "ns/sa"`, or "no subjects". */
export function describeSubjects(subjects: readonly RbacSubject[]): string {
  if (subjects.length === 0) return "no subjects yet";
  return subjects.map((s) => `${s.kind} "${subjectId(s)}"`).join(", ");
}
