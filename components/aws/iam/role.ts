/**
 * LeastPrivilegeRole: an IAM role whose trust always carries the conditions
 * it needs, whose permissions are typed statements linted before anything is
 * created, with a permissions boundary attached by default.
 */
import * as aws from "../sdk";
import * as pulumi from "@pulumi/pulumi";
import { Problems } from "../../core/errors";
import { Governance, componentTags, mergeKeepingFirst } from "../../core/governance";
import {
  isJustifiedWildcard,
  justificationTags,
  MAX_JUSTIFIED_STATEMENTS,
  withJustificationSids,
} from "./justification";
import { resolveGovernance } from "../../core/config";
import { childName, nameProblem } from "../../core/naming";
import { lintTrustDocument } from "./lint";
import {
  configuredPermissionsBoundaryArn,
  PermissionsBoundary,
  resolvePermissionsBoundary,
} from "./boundary";
import {
  MIN_JUSTIFICATION_LENGTH,
  PermissionStatementSpec,
  policyDocument,
  summarize,
  validateManagedPolicyArns,
  validateStatements,
} from "./plan";
import { renderTrustPolicy, trustForLint } from "./render-trust";
import { describeTrust, RoleTrust, trustPolicyDocument, validateTrust } from "./trust";

const COMPONENT = "LeastPrivilegeRole";

export type { PermissionsBoundary } from "./boundary";

/** One permission statement; resource ARNs (and condition values) may come from other resources. */
export type PermissionStatement = PermissionStatementSpec<pulumi.Input<string>>;

export interface LeastPrivilegeRoleArgs {
  /**
   * Who may assume the role: exactly one of `service`, `accounts`, `githubOidc`,
   * `eksServiceAccount`. OIDC provider ARNs may come from resources in the same program.
   */
  trust: RoleTrust<pulumi.Input<string>>;
  /** What the role may do, linted before anything is created. @default [] (no inline policy) */
  statements?: PermissionStatement[];
  /** Managed policies to attach. Admin and `*FullAccess` AWS managed policies are refused. @default [] */
  managedPolicyArns?: string[];
  /**
   * The permissions boundary. Missing is an error in every environment (secure
   * default); outside prod `{ none: true, justification }` opts out explicitly.
   * @default `{ arn: <stack config paved:permissionsBoundaryArn> }`
   */
  permissionsBoundary?: PermissionsBoundary;
  /** The longest session, in seconds (3600..43200). @default 3600 */
  maxSessionDuration?: number;
  /** The role's description. @default "Paved LeastPrivilegeRole <name> for <appId>" */
  description?: string;
  /** The IAM path. @default "/" */
  path?: string;
  /** Governance metadata; fields given here override the `paved:*` stack config. @default from stack config */
  governance?: Partial<Governance>;
  /** Extra tags; they win over governance tags with the same key. @default {} */
  tags?: Record<string, string>;
}

export const DEFAULT_MAX_SESSION_DURATION = 3600;
const PATH = /^\/([\x21-\x7e]{0,510}\/)?$/;

export class LeastPrivilegeRole extends pulumi.ComponentResource {
  /** The role. */
  readonly role: aws.iam.Role;
  /** The role's ARN. */
  readonly arn: pulumi.Output<string>;
  /** The role's name. */
  readonly name: pulumi.Output<string>;
  /** The inline permissions policy as rendered JSON (an empty Statement list when there are no statements). */
  readonly policyJson: pulumi.Output<string>;
  /** The trust policy as rendered JSON. */
  readonly trustPolicyJson: pulumi.Output<string>;
  /** A human summary for review: trust, then service → actions → resources, managed policies, boundary. */
  readonly summary: pulumi.Output<string>;

  constructor(name: string, args: LeastPrivilegeRoleArgs, opts?: pulumi.ComponentResourceOptions) {
    super(`paved:aws:${COMPONENT}`, name, {}, opts);
    // A JavaScript caller may omit the arguments: report the missing fields, not a TypeError.
    args = args ?? ({} as LeastPrivilegeRoleArgs);
    const problems = new Problems(COMPONENT, name);
    const gov = resolveGovernance(problems, args.governance);
    const nameIssue = nameProblem("iamRole", name, "name", { autonamed: true });
    if (nameIssue) problems.addAll([nameIssue]);
    problems.addAll(validateTrust(args.trust));
    problems.addAll(validateStatements(args.statements));
    problems.addAll(validateManagedPolicyArns(args.managedPolicyArns));
    const { arn: boundary, problems: boundaryProblems } = resolvePermissionsBoundary(
      args.permissionsBoundary,
      {
        environment: gov.environment,
        configured: configuredPermissionsBoundaryArn(),
      },
    );
    problems.addAll(boundaryProblems);
    const maxSessionDuration = args.maxSessionDuration ?? DEFAULT_MAX_SESSION_DURATION;
    problems.check(
      Number.isInteger(maxSessionDuration) && maxSessionDuration >= 3600 && maxSessionDuration <= 43200,
      "maxSessionDuration",
      `${String(maxSessionDuration)} is out of range`,
      "use whole seconds from 3600 (1 hour, the default) to 43200 (12 hours)",
      "PAVED_IAM_SESSION_DURATION",
    );
    const path = args.path ?? "/";
    problems.check(
      PATH.test(path),
      "path",
      `"${path}" is not an IAM path`,
      'use "/" or "/team/app/"',
      "PAVED_IAM_PATH_INVALID",
    );
    // Checked above; guard here so a JavaScript caller's non-list reaches the error, not a TypeError.
    const managed = Array.isArray(args.managedPolicyArns) ? args.managedPolicyArns : [];
    const attachmentNames = managed.map((a) => String(a).slice(String(a).lastIndexOf("/") + 1));
    attachmentNames.forEach((n, i) =>
      problems.check(
        attachmentNames.indexOf(n) === i,
        `managedPolicyArns[${i}]`,
        `repeats the policy name "${n}"`,
        "attach each policy once",
        "PAVED_IAM_MANAGED_POLICY_DUPLICATE",
      ),
    );
    // A justified wildcard travels to the policy pack as a Sid plus role tags with its ticket.
    const given: unknown[] = Array.isArray(args.statements) ? args.statements : [];
    const justifiedAt = given
      .map((raw, i) => ({ s: (raw ?? {}) as PermissionStatement, i }))
      .filter(
        ({ s }) =>
          isJustifiedWildcard(s) && String(s.justification).trim().length >= MIN_JUSTIFICATION_LENGTH,
      );
    for (const { s, i } of justifiedAt) {
      const ticket = s.ticket ?? gov.changeTicket;
      problems.check(
        typeof ticket === "string" && ticket.trim() !== "",
        `statements[${i}].ticket`,
        "is required with a justified wildcard action (the policy pack reports it with the owner)",
        'name the change ticket that approved the wildcard (ticket: "CHG-1234"), or set the stack\'s paved:changeTicket',
        "PAVED_IAM_JUSTIFICATION_TICKET",
      );
    }
    problems.check(
      justifiedAt.length <= MAX_JUSTIFIED_STATEMENTS,
      "statements",
      `has ${justifiedAt.length} justified wildcard statements, more than ${MAX_JUSTIFIED_STATEMENTS}`,
      "merge them, or list specific actions: each one takes two of the role's 50 tags",
      "PAVED_IAM_JUSTIFICATION_COUNT",
    );
    if (problems.count === 0) {
      // Self-check: the rendered trust must pass the same lint the policy pack runs.
      for (const f of lintTrustDocument(trustPolicyDocument(trustForLint(args.trust)))) {
        problems.add("trust", f.message, f.fix, f.code);
      }
    }
    problems.throwIfAny(this);

    const trust = args.trust;
    this.trustPolicyJson = renderTrustPolicy(COMPONENT, name, trust, this);

    const statements = withJustificationSids(args.statements ?? []);
    this.policyJson = pulumi.output(policyDocument(statements)).apply((doc) => JSON.stringify(doc));
    const tags = mergeKeepingFirst(
      componentTags(gov, COMPONENT, args.tags),
      justificationTags(statements, (i) => statements[i].ticket ?? gov.changeTicket),
    );

    this.role = new aws.iam.Role(
      name,
      {
        assumeRolePolicy: this.trustPolicyJson,
        description: args.description ?? `Paved ${COMPONENT} ${name} for ${gov.appId}`,
        path,
        maxSessionDuration,
        permissionsBoundary: boundary,
        tags,
      },
      { parent: this },
    );
    if (statements.length > 0) {
      new aws.iam.RolePolicy(
        childName(name, "policy"),
        { role: this.role.name, policy: this.policyJson },
        { parent: this },
      );
    }
    managed.forEach((arn, i) => {
      new aws.iam.RolePolicyAttachment(
        childName(name, attachmentNames[i]),
        { role: this.role.name, policyArn: arn },
        { parent: this },
      );
    });

    this.arn = this.role.arn;
    this.name = this.role.name;
    const trustLine = describeTrust(trust);
    this.summary = pulumi.output(statements).apply((resolved) =>
      summarize(resolved as PermissionStatementSpec[], {
        trust: trustLine,
        managedPolicyArns: managed,
        boundary,
      }),
    );
    this.registerOutputs({
      role: this.role,
      arn: this.arn,
      name: this.name,
      policyJson: this.policyJson,
      trustPolicyJson: this.trustPolicyJson,
      summary: this.summary,
    });
  }
}
