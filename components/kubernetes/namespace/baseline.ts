/**
 * NamespaceBaseline: a team's namespace on a shared cluster, with Pod Security
 * Admission `restricted`, default-deny networking plus declared flows, a quota,
 * least-privilege RBAC, a workload ServiceAccount without a mounted token, and
 * the namespace's `default` ServiceAccount patched to mount none either.
 */
import * as k8s from "../sdk";
import * as pulumi from "@pulumi/pulumi";
import { changeTicketPatternFromConfig, resolveGovernance } from "../../core/config";
import { Problems } from "../../core/errors";
import { componentLabels, Governance } from "../../core/governance";
import { childName, nameProblem } from "../../core/naming";
import { FirewallRule, renderRegisterMarkdown } from "../../core/register";
import type { LabelMap } from "../labels";
import { EgressFlow, IngressFlow, planFlows, PlannedNetworkPolicy } from "./flows";
import { ingressAllowed, IngressQuery } from "./reach";
import { LimitSpec, limitRangeItems, NamespaceSize, planQuota, quotaHard, QuotaSpec } from "./quota";
import {
  DEFAULT_DEPLOYER_RULES,
  groupProblems,
  readerRules,
  RoleRule,
  roleRuleProblems,
  secretNameProblems,
  secretRules,
} from "./rbac";
import { listArg } from "../../aws/arg-shape";

/** The pattern name stamped on every object. */
export const NAMESPACE_BASELINE_PATTERN = "NamespaceBaseline";
/** Namespaces the cluster and its add-ons own; a team baseline never takes them over. */
export const RESERVED_NAMESPACES: readonly string[] = [
  "default",
  "kube-system",
  "kube-public",
  "kube-node-lease",
];

/** The Pod Security Standards version pinned by default. */
export const DEFAULT_POD_SECURITY_VERSION = "v1.31";

/** Who may do what in the namespace. */
export interface NamespaceRbacArgs {
  /** Identity-provider groups bound to the deployer Role. @default [] (Role created, no binding) */
  readonly deployerGroups?: readonly string[];
  /** Identity-provider groups bound to the reader Role. @default [] (Role created, no binding) */
  readonly readerGroups?: readonly string[];
  /**
   * The deployer Role's rules. No `*`, no escalate/bind/impersonate, no
   * pods/exec, nothing the baseline owns.
   * @default DEFAULT_DEPLOYER_RULES (workloads, config, create secrets, jobs, HPAs, PDBs, ingresses, rollouts, monitoring rules)
   */
  readonly deployerRules?: readonly RoleRule[];
  /**
   * The Secrets the deployer manages, by name: it may `get`, `update`, `patch`
   * and `delete` exactly these (`resourceNames`), which is what the Pulumi
   * provider needs to manage a Secret. No other Secret's value is readable.
   * @default [] (the deployer may create Secrets but read, change or delete none)
   */
  readonly secretNames?: readonly string[];
  /** Allow `list`/`watch` on secrets in `deployerRules` (it reads every secret's value). @default false */
  readonly allowSecretsListWatch?: boolean;
}

/** Arguments of {@link NamespaceBaseline}. */
export interface NamespaceBaselineArgs {
  /** The namespace's name (an RFC 1123 label). @default the component's name */
  readonly namespace?: string;
  /** Picks the quota and limit defaults (see quota.ts for the numbers). @default "small" */
  readonly size?: NamespaceSize;
  /** Overrides of the size's ResourceQuota, field by field. @default {} */
  readonly quota?: Partial<QuotaSpec>;
  /** Overrides of the size's container LimitRange, field by field. @default {} */
  readonly limits?: Partial<LimitSpec>;
  /** The Pod Security Standards version pinned in the PSA labels (`v1.N`). @default "v1.31" */
  readonly podSecurityVersion?: string;
  /** The namespace's workloads by name, as pod label selectors: `{ api: { app: "api" } }`. Flows refer to them. @default {} */
  readonly workloads?: Readonly<Record<string, LabelMap>>;
  /** Allowed traffic into a workload. Everything else is denied. @default [] */
  readonly flows?: readonly IngressFlow[];
  /** Allowed traffic from a workload to another namespace or an address range. @default [] */
  readonly egressFlows?: readonly EgressFlow[];
  /** Allow every pod DNS (UDP and TCP 53) to kube-dns in kube-system. @default true */
  readonly allowDns?: boolean;
  /** The deployer and reader Roles and their bindings. @default {} */
  readonly rbac?: NamespaceRbacArgs;
  /** The name of the workload ServiceAccount (token not mounted). @default "workload" */
  readonly serviceAccountName?: string;
  /** Governance, field by field over the `paved:*` stack config. @default stack config */
  readonly governance?: Partial<Governance>;
  /** Extra labels on every object; they win over the generated ones. @default {} */
  readonly labels?: Record<string, string>;
  /** The Kubernetes provider for every child. @default the default provider */
  readonly provider?: k8s.Provider;
}

function toPolicyRule(r: RoleRule): k8s.types.input.rbac.v1.PolicyRule {
  return {
    apiGroups: [...r.apiGroups],
    resources: [...r.resources],
    verbs: [...r.verbs],
    ...(r.resourceNames ? { resourceNames: [...r.resourceNames] } : {}),
  };
}

/** A team namespace with the paved-road baseline. */
export class NamespaceBaseline extends pulumi.ComponentResource {
  /** The namespace's name, once it exists. */
  readonly namespaceName: pulumi.Output<string>;
  /** The name of the workload ServiceAccount. */
  readonly serviceAccountName: pulumi.Output<string>;
  /** Every NetworkPolicy rule, as data. */
  readonly register: readonly FirewallRule[];
  /** The register as a Markdown table, for the change board. */
  readonly registerMarkdown: string;
  /** The NetworkPolicies by name (`default-deny`, `allow-dns-egress`, `allow-in-api-1a2b3c4d`). */
  readonly networkPolicies: Readonly<Record<string, k8s.networking.v1.NetworkPolicy>>;
  /** The namespace's name as a plain value, known before anything exists (for other components' checks). */
  readonly plannedNamespace: string;
  /** The NetworkPolicies' specs as plain data, in creation order. */
  readonly plannedPolicies: readonly PlannedNetworkPolicy[];

  /**
   * True when the namespace's NetworkPolicies let `query.from` (pods of another
   * namespace, by labels) connect to `query.port` of pods with `query.podLabels`.
   * Pure: reads the planned policies, not the cluster.
   */
  admitsIngress(query: IngressQuery): boolean {
    return ingressAllowed(this.plannedPolicies, this.plannedNamespace, query);
  }

  constructor(name: string, args: NamespaceBaselineArgs = {}, opts: pulumi.ComponentResourceOptions = {}) {
    super("paved:k8s:NamespaceBaseline", name, {}, opts);
    const problems = new Problems(NAMESPACE_BASELINE_PATTERN, name);
    const gov = resolveGovernance(problems, args.governance, { asLabels: true });
    const nsName = args.namespace ?? name;
    problems.addAll(
      [
        nameProblem("k8sDnsLabel", nsName, args.namespace === undefined ? "name" : "namespace"),
        nameProblem("k8sDnsLabel", args.serviceAccountName ?? "workload", "serviceAccountName"),
      ].filter((p) => p !== undefined),
    );
    problems.check(
      !RESERVED_NAMESPACES.includes(nsName),
      args.namespace === undefined ? "name" : "namespace",
      `"${nsName}" is a namespace the cluster owns`,
      "give the team its own namespace, for example payments",
      "PAVED_K8S_NAMESPACE_RESERVED",
    );
    for (const key of Object.keys(args.labels ?? {})) {
      problems.check(
        !key.startsWith("pod-security.kubernetes.io/"),
        `labels["${key}"]`,
        "would override the Pod Security Admission labels the baseline sets",
        "remove it; the namespace always enforces restricted (pin the version with podSecurityVersion)",
        "PAVED_K8S_PSA_OVERRIDE",
      );
    }
    const psVersion = args.podSecurityVersion ?? DEFAULT_POD_SECURITY_VERSION;
    problems.check(
      /^v1\.\d{1,2}$/.test(psVersion),
      "podSecurityVersion",
      `"${psVersion}" is not a pinned Kubernetes minor version`,
      `use the cluster's version, for example "${DEFAULT_POD_SECURITY_VERSION}" (never "latest": it changes the rules on upgrade)`,
      "PAVED_K8S_PSS_VERSION",
    );
    const sizing = planQuota(args.size ?? "small", args.quota, args.limits);
    problems.addAll(sizing.problems);
    const listed = <T>(value: readonly T[] | undefined, arg: string): readonly T[] => {
      const r = listArg(value, arg, "object");
      problems.addAll(r.problems);
      return r.list;
    };
    const flowPlan = planFlows({
      workloads: args.workloads ?? {},
      ingress: listed(args.flows, "flows"),
      egress: listed(args.egressFlows, "egressFlows"),
      allowDns: args.allowDns ?? true,
      ticketPattern: changeTicketPatternFromConfig(),
    });
    problems.addAll(flowPlan.problems);
    const rbac = args.rbac ?? {};
    const baseRules = rbac.deployerRules ?? DEFAULT_DEPLOYER_RULES;
    problems.addAll(
      roleRuleProblems(baseRules, "rbac.deployerRules", {
        allowSecretsListWatch: rbac.allowSecretsListWatch ?? false,
      }),
    );
    const secretList = listArg(rbac.secretNames, "rbac.secretNames", "string");
    problems.addAll(secretList.problems);
    const secretNames = secretList.list;
    problems.addAll(secretNameProblems(secretNames, "rbac.secretNames"));
    const deployerRules = [...baseRules, ...secretRules(secretNames)];
    const deployerGroups = rbac.deployerGroups ?? [];
    const readerGroups = rbac.readerGroups ?? [];
    problems.addAll(groupProblems(deployerGroups, "rbac.deployerGroups"));
    problems.addAll(groupProblems(readerGroups, "rbac.readerGroups"));
    problems.throwIfAny(this);

    const labels = componentLabels(gov, NAMESPACE_BASELINE_PATTERN, args.labels);
    const child = { parent: this, provider: args.provider };

    const ns = new k8s.core.v1.Namespace(
      childName(name, "ns"),
      {
        metadata: {
          name: nsName,
          labels: {
            ...labels,
            "pod-security.kubernetes.io/enforce": "restricted",
            "pod-security.kubernetes.io/enforce-version": psVersion,
            "pod-security.kubernetes.io/audit": "restricted",
            "pod-security.kubernetes.io/audit-version": psVersion,
            "pod-security.kubernetes.io/warn": "restricted",
            "pod-security.kubernetes.io/warn-version": psVersion,
          },
        },
      },
      child,
    );
    const namespace = ns.metadata.name;
    const meta = (objectName: string) => ({ name: objectName, namespace, labels });

    const policies: Record<string, k8s.networking.v1.NetworkPolicy> = {};
    for (const p of flowPlan.policies) {
      policies[p.name] = new k8s.networking.v1.NetworkPolicy(
        childName(name, "np", p.name),
        { metadata: meta(p.name), spec: p.spec },
        child,
      );
    }

    new k8s.core.v1.ResourceQuota(
      childName(name, "quota"),
      { metadata: meta("baseline"), spec: { hard: quotaHard(sizing.quota) } },
      child,
    );
    new k8s.core.v1.LimitRange(
      childName(name, "limits"),
      { metadata: meta("baseline"), spec: { limits: limitRangeItems(sizing.limits) } },
      child,
    );

    const roles: [string, readonly RoleRule[], readonly string[]][] = [
      ["deployer", deployerRules, deployerGroups],
      ["reader", readerRules(deployerRules), readerGroups],
    ];
    for (const [roleName, rules, groups] of roles) {
      const role = new k8s.rbac.v1.Role(
        childName(name, roleName),
        { metadata: meta(roleName), rules: rules.map(toPolicyRule) },
        child,
      );
      if (groups.length > 0) {
        new k8s.rbac.v1.RoleBinding(
          childName(name, roleName, "binding"),
          {
            metadata: meta(roleName),
            roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: role.metadata.name },
            subjects: groups.map((g) => ({ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: g })),
          },
          child,
        );
      }
    }

    const sa = new k8s.core.v1.ServiceAccount(
      childName(name, "sa"),
      { metadata: meta(args.serviceAccountName ?? "workload"), automountServiceAccountToken: false },
      child,
    );

    // The namespace's `default` ServiceAccount, which the cluster creates: a pod that names no
    // ServiceAccount runs as it, so it must not mount a token either. A Patch (server-side apply)
    // manages the one field on the existing object; deleting it gives the field back.
    new k8s.core.v1.ServiceAccountPatch(
      childName(name, "default-sa"),
      {
        metadata: { name: "default", namespace, labels },
        automountServiceAccountToken: false,
      },
      child,
    );

    this.namespaceName = namespace;
    this.plannedNamespace = nsName;
    this.plannedPolicies = flowPlan.policies;
    this.serviceAccountName = sa.metadata.name;
    this.register = flowPlan.rules;
    this.registerMarkdown = renderRegisterMarkdown(`namespace ${nsName}`, flowPlan.rules);
    this.networkPolicies = policies;
    this.registerOutputs({
      namespaceName: this.namespaceName,
      serviceAccountName: this.serviceAccountName,
      register: this.register,
      registerMarkdown: this.registerMarkdown,
    });
  }
}
