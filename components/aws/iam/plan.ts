/**
 * LeastPrivilegeRole's pure planning: checks typed permission statements
 * (through the shared lint), renders them as a policy document, and writes
 * the human summary reviewers read. No Pulumi: values that are not plain
 * strings (resource ARNs from other resources) arrive as the preview
 * sentinel and the lint treats them as "cannot tell".
 */
import type { ValidationProblem } from "../../core/errors";
import { isAdminManagedPolicyArn, lintPermissionsDocument } from "./lint";
import { isKnownString, isWellFormedAction, serviceOf, UNKNOWN_SENTINEL } from "./match";

/** One permission statement. `T` is the type of resource and condition values. */
export interface PermissionStatementSpec<T = string> {
  /** The IAM actions, `service:Action`. A whole-service wildcard (`s3:*`) needs a `justification`. */
  actions: string[];
  /** The ARNs the actions apply to. `"*"` is accepted only for actions with no resource-level permissions. */
  resources: T[];
  /** IAM conditions: operator → key → value(s), for example `{ StringEquals: { "aws:ResourceTag/app": "x" } }`. @default none */
  conditions?: Record<string, Record<string, T | T[]>>;
  /**
   * Why a wildcard action is needed; required for `*`-style actions, shown in the summary. The
   * statement then gets a Sid (yours, or a generated `PavedJustified<id>`) and the role carries
   * the justification and its ticket as tags, which the policy pack reads (see justification.ts).
   * @default none
   */
  justification?: string;
  /**
   * The change ticket that approved a justified wildcard (`CHG-1234`); required with one.
   * @default the stack's `paved:changeTicket`
   */
  ticket?: string;
  /** `Deny` statements are guardrails and exempt from the least-privilege lint. @default "Allow" */
  effect?: "Allow" | "Deny";
  /** The statement id. @default none */
  sid?: string;
}

/** A policy document as JSON-ready data. */
export interface PolicyDocumentData<T = string> {
  Version: "2012-10-17";
  Statement: {
    Sid?: string;
    Effect: "Allow" | "Deny";
    Action: string[];
    Resource: T[];
    Condition?: Record<string, Record<string, T | T[]>>;
  }[];
}

/** Minimum length of a justification: enough for a reason, not a placeholder like "x". */
export const MIN_JUSTIFICATION_LENGTH = 10;

const SID = /^[A-Za-z0-9]+$/;
const POLICY_ARN = /^arn:aws(-cn|-us-gov)?:iam::(\d{12}|aws):policy\/([\w+=,.@-]+\/)*[\w+=,.@-]+$/;

/** True when `arn` is a well-formed IAM managed-policy ARN (AWS managed or customer managed). */
export function isPolicyArn(arn: string): boolean {
  return POLICY_ARN.test(arn);
}

/** Renders statements as a policy document (values pass through, so Pulumi inputs survive for `pulumi.output`). */
export function policyDocument<T>(statements: readonly PermissionStatementSpec<T>[]): PolicyDocumentData<T> {
  return {
    Version: "2012-10-17",
    Statement: statements.map((s) => ({
      ...(s.sid !== undefined ? { Sid: s.sid } : {}),
      Effect: s.effect ?? "Allow",
      Action: [...s.actions],
      Resource: [...s.resources],
      ...(s.conditions !== undefined ? { Condition: s.conditions } : {}),
    })),
  };
}

/** Strips a lint message's "statement N (Sid ...) " lead: the arg already names the statement. */
function afterStatement(message: string): string {
  return message.replace(/^statement \d+( \(Sid "[^"]*"\))? /, "");
}

/** The arg a lint finding is about. */
function argOf(code: string, i: number, arg: string): string {
  switch (code) {
    case "PAVED_IAM_RESOURCE_WILDCARD":
    case "PAVED_IAM_PASSROLE_WILDCARD":
    case "PAVED_IAM_ADMIN":
      return `${arg}[${i}].resources`;
    default:
      return `${arg}[${i}].actions`;
  }
}

/**
 * Checks the statements' shape, then lints them as the policy they render.
 * `statements` may come from JavaScript: every field is checked.
 */
export function validateStatements(statements: unknown, arg = "statements"): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const add = (a: string, problem: string, fix: string, code: string) =>
    problems.push({ arg: a, problem, fix, code });
  if (statements === undefined) return problems;
  if (!Array.isArray(statements)) {
    add(
      arg,
      "is not a list",
      "pass a list of { actions, resources } statements",
      "PAVED_IAM_STATEMENT_INVALID",
    );
    return problems;
  }
  const justified: number[] = [];
  const lintable: PermissionStatementSpec[] = [];
  statements.forEach((raw: unknown, i) => {
    const s = (typeof raw === "object" && raw !== null ? raw : {}) as Partial<
      Record<keyof PermissionStatementSpec, unknown>
    >;
    const at = `${arg}[${i}]`;
    if (!Array.isArray(s.actions) || s.actions.length === 0) {
      add(
        `${at}.actions`,
        "is empty",
        "list the actions the workload calls, for example s3:GetObject",
        "PAVED_IAM_STATEMENT_INVALID",
      );
    } else {
      s.actions.forEach((a: unknown, j) => {
        if (typeof a !== "string" || !isWellFormedAction(a)) {
          add(
            `${at}.actions[${j}]`,
            `"${String(a)}" is not of the form service:Action`,
            'write for example "s3:GetObject"',
            "PAVED_IAM_ACTION_FORMAT",
          );
        }
      });
    }
    if (!Array.isArray(s.resources) || s.resources.length === 0) {
      add(
        `${at}.resources`,
        "is empty",
        'list the ARNs the actions apply to ("*" only for actions with no resource-level permissions)',
        "PAVED_IAM_STATEMENT_INVALID",
      );
    }
    if (s.effect !== undefined && s.effect !== "Allow" && s.effect !== "Deny") {
      add(
        `${at}.effect`,
        `"${String(s.effect)}" is not an effect`,
        'use "Allow" or "Deny"',
        "PAVED_IAM_STATEMENT_INVALID",
      );
    }
    if (s.sid !== undefined && (typeof s.sid !== "string" || !SID.test(s.sid))) {
      add(
        `${at}.sid`,
        `"${String(s.sid)}" is not a valid Sid`,
        "use letters and digits only",
        "PAVED_IAM_STATEMENT_INVALID",
      );
    }
    if (s.ticket !== undefined && (typeof s.ticket !== "string" || s.ticket.trim() === "")) {
      add(
        `${at}.ticket`,
        "is empty",
        'name the change ticket that approved the wildcard, for example "CHG-1234"',
        "PAVED_IAM_JUSTIFICATION_TICKET",
      );
    }
    if (s.justification !== undefined) {
      if (typeof s.justification !== "string" || s.justification.trim().length < MIN_JUSTIFICATION_LENGTH) {
        add(
          `${at}.justification`,
          "is too short to explain anything",
          `write at least ${MIN_JUSTIFICATION_LENGTH} characters saying why the wildcard is needed`,
          "PAVED_IAM_JUSTIFICATION_SHORT",
        );
      } else {
        justified.push(i);
      }
    }
    lintable.push({
      actions: Array.isArray(s.actions) ? s.actions.filter(isKnownString) : [],
      resources: Array.isArray(s.resources)
        ? s.resources.map((r) => (isKnownString(r) ? r : UNKNOWN_SENTINEL))
        : [],
      effect: s.effect === "Deny" ? "Deny" : "Allow",
    });
  });
  for (const f of lintPermissionsDocument(policyDocument(lintable), { justifiedStatements: justified })) {
    // Shape problems above already cover malformed and action-format findings.
    if (f.code === "PAVED_IAM_MALFORMED" || f.code === "PAVED_IAM_ACTION_FORMAT") continue;
    const i = f.statementIndex ?? 0;
    add(argOf(f.code, i, arg), afterStatement(f.message), f.fix, f.code);
  }
  return problems;
}

/** Checks managed-policy ARNs: well-formed, and no admin or full-access AWS managed policy. */
export function validateManagedPolicyArns(arns: unknown, arg = "managedPolicyArns"): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  if (arns === undefined) return problems;
  if (!Array.isArray(arns)) {
    return [
      { arg, problem: "is not a list", fix: "pass a list of policy ARNs", code: "PAVED_IAM_ARN_INVALID" },
    ];
  }
  arns.forEach((a: unknown, i) => {
    if (typeof a !== "string" || !isPolicyArn(a)) {
      problems.push({
        arg: `${arg}[${i}]`,
        problem: `"${String(a)}" is not a policy ARN`,
        fix: "use arn:aws:iam::<account|aws>:policy/<name>",
        code: "PAVED_IAM_ARN_INVALID",
      });
    } else if (isAdminManagedPolicyArn(a)) {
      problems.push({
        arg: `${arg}[${i}]`,
        problem: `"${a}" grants administrator or full access`,
        fix: "write statements for the actions the workload calls, or attach a narrower (read-only or scoped) policy",
        code: "PAVED_IAM_ADMIN_MANAGED_POLICY",
      });
    }
  });
  return problems;
}

/**
 * The human summary of what a role can do, grouped by service:
 *
 * ```
 * Trusted by: service ec2.amazonaws.com
 * Allow s3: GetObject, PutObject on arn:aws:s3:::data/*
 * Allow ec2: Describe* on * (justification: ...)
 * Managed policy: arn:aws:iam::aws:policy/ReadOnlyAccess
 * Permissions boundary: arn:...
 * ```
 */
export function summarize(
  statements: readonly PermissionStatementSpec[],
  extra: { trust: string; managedPolicyArns?: readonly string[]; boundary?: string },
): string {
  const lines = [`Trusted by: ${extra.trust}`];
  const rows: { service: string; line: string }[] = [];
  statements.forEach((s) => {
    const byService = new Map<string, string[]>();
    for (const a of s.actions) {
      const svc = serviceOf(a);
      const name = a.includes(":") ? a.slice(a.indexOf(":") + 1) : a;
      byService.set(svc, [...(byService.get(svc) ?? []), name]);
    }
    for (const [service, names] of byService) {
      const cond = s.conditions ? ` when ${JSON.stringify(s.conditions)}` : "";
      const why = s.justification ? ` (justification: ${s.justification})` : "";
      rows.push({
        service,
        line: `${s.effect ?? "Allow"} ${service}: ${[...names].sort().join(", ")} on ${s.resources.join(", ")}${cond}${why}`,
      });
    }
  });
  rows.sort((a, b) => (a.service < b.service ? -1 : a.service > b.service ? 1 : 0));
  lines.push(...rows.map((r) => r.line));
  for (const arn of extra.managedPolicyArns ?? []) lines.push(`Managed policy: ${arn}`);
  lines.push(`Permissions boundary: ${extra.boundary ?? "none"}`);
  return lines.join("\n");
}
