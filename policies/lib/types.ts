/**
 * The vocabulary of a Paved policy: what a rule declares about itself (its
 * metadata) and what its check receives and returns. Pure: no @pulumi/policy
 * here, so rules, docs and tests can use it without the SDK.
 */

/** How bad a finding is, highest first. The same scale as @pulumi/policy. */
export const SEVERITIES = ["critical", "high", "medium", "low"] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * What the engine does with a finding. `remediate` runs the policy's
 * remediation (if it has one) and reports what is still wrong as mandatory.
 */
export const ENFORCEMENT_LEVELS = ["advisory", "mandatory", "remediate", "disabled"] as const;
export type EnforcementLevel = (typeof ENFORCEMENT_LEVELS)[number];

/** The area a policy belongs to; it also decides where the docs list it. */
export const CATEGORIES = ["network", "storage", "iam", "kubernetes", "governance"] as const;
export type Category = (typeof CATEGORIES)[number];

/** A reference to a control in a compliance framework (see `frameworks.ts` for constructors). */
export interface FrameworkRef {
  /** The framework: `CIS AWS Foundations Benchmark`, `Pod Security Standards`. */
  readonly name: string;
  /** The framework version: `3.0.0`, `v1.30`. */
  readonly version: string;
  /** The control: `5.2`, `restricted: Privilege Escalation`. */
  readonly reference: string;
}

/** One thing wrong, as a check reports it. */
export interface Finding {
  /** What is wrong and where, in one sentence the user can act on. */
  readonly message: string;
  /**
   * The URN to blame. Resource policies may omit it (the resource under
   * check is meant); stack policies name the resource at fault.
   */
  readonly urn?: string;
  /**
   * Report as an advisory note whatever the policy's level: information the
   * user should see that is not a violation (the exemptions used). @default false
   */
  readonly advisory?: boolean;
}

/** The JSON Schema of a policy's own config (the `properties` of @pulumi/policy's `configSchema`). */
export interface PolicyConfigSchema {
  readonly properties: Record<string, Record<string, unknown>>;
  readonly required?: readonly string[];
}

/** Everything a policy says about itself, apart from its logic. */
export interface PolicyMetadata {
  /** Unique, kebab-case, prefixed by its area: `aws-sg-no-public-admin-ingress`. */
  readonly name: string;
  /** One sentence: what the policy requires. */
  readonly description: string;
  readonly category: Category;
  readonly severity: Severity;
  /** The level when pack config does not set one. */
  readonly defaultLevel: EnforcementLevel;
  /**
   * Part of the security set: the policies a platform team makes mandatory in
   * prod (see `policies/config/prod.json`). @default false
   */
  readonly securitySet: boolean;
  /** Steps that fix a violation, in order. At least one. */
  readonly remediation: readonly string[];
  /** Framework controls this policy implements; may be empty when none applies. */
  readonly frameworks: readonly FrameworkRef[];
  /** The schema of the policy's config, when it has any. Defaults come from `default`. */
  readonly configSchema?: PolicyConfigSchema;
}

/**
 * The stack a policy runs in, from the stack config the engine hands the pack
 * process (`PULUMI_CONFIG`): `paved:environment`, `paved:appId`, ...
 */
export interface StackContext {
  /** `paved:environment` when set. */
  readonly environment?: string;
  /** Every `paved:*` stack config value, keyed without the namespace (`appId`, `changeTicket`). */
  readonly paved: Readonly<Record<string, unknown>>;
}

/** A resource as a resource policy sees it. `props` are the inputs, unknowns guarded. */
export interface ResourceUnderCheck {
  /** The Pulumi type token: `aws:ec2/securityGroup:SecurityGroup`. */
  readonly type: string;
  readonly urn: string;
  /** The resource's Pulumi name (its logical name, not a cloud name). */
  readonly name: string;
  /** The inputs. Reading a value unknown at preview throws; the pack turns that into an advisory note. */
  readonly props: Record<string, unknown>;
  /** The parent's URN, when the resource has a parent other than the stack. */
  readonly parent?: string;
  /** The resource's provider, when the engine passes it (its inputs: `region`, `defaultTags`, ...). */
  readonly provider?: {
    readonly type: string;
    readonly urn: string;
    readonly props: Record<string, unknown>;
  };
}

/** A resource as a stack policy sees it: with its parent resolved. */
export interface StackResource {
  readonly type: string;
  readonly urn: string;
  readonly name: string;
  readonly props: Record<string, unknown>;
  /** The parent resource when it is in the stack. */
  readonly parent?: StackResource;
  /** The resources this one depends on. */
  readonly dependencies?: readonly StackResource[];
}

/** What every check receives besides the resource. */
export interface CheckContext<C> {
  /** The policy's own config, with schema defaults applied. */
  readonly config: C;
  readonly stack: StackContext;
}
