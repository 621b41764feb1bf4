/**
 * The shape of the coverage cross-reference: one entry per rule of another
 * governance pack (cdk-nag AwsSolutions, pulumi/compliance-policies AWS), the
 * Paved policies that cover it, and why when none does. Data only; the page
 * is rendered by `render.ts` and checked by `test/policies/coverage.test.ts`.
 */

/** How much of the rule's intent the listed Paved policies enforce. */
export type Coverage = "full" | "partial" | "none";

/**
 * Why a rule is not covered. The first three make a rule not applicable to a
 * Pulumi program (left out of the percentage); the last two count as gaps.
 * - `not-expressible`: no input of a program shows it (runtime state, a suppression rationale);
 * - `retired-service`: the service or feature is retired or closed to new customers;
 * - `aws-enforced`: AWS no longer lets a program choose the insecure setting;
 * - `deliberate`: Paved chooses not to enforce it (the reason says why);
 * - `gap`: applicable and wanted, no policy yet.
 */
export type NotCoveredKind = "not-expressible" | "retired-service" | "aws-enforced" | "deliberate" | "gap";

/** The kinds that make a rule not applicable. */
export const NOT_APPLICABLE: readonly NotCoveredKind[] = [
  "not-expressible",
  "retired-service",
  "aws-enforced",
];

export interface CoverageEntry {
  /** The rule's id in its own pack: `AwsSolutions-APIG1`, `aws-alb-listener-configure-secure-tls`. */
  readonly id: string;
  /** What the control requires, in our own words (one line). */
  readonly control: string;
  /** The Paved policies (names in `policies/pack.ts`) that cover it; [] when none. */
  readonly paved: readonly string[];
  readonly coverage: Coverage;
  /** For `partial`: what is left out; for `none`: why. */
  readonly reason?: string;
  /** For `none`: the kind of reason. */
  readonly kind?: NotCoveredKind;
}

/** One rule set compared. */
export interface RuleSet {
  readonly title: string;
  /** Where the rule list was read (repository, files, commit). */
  readonly source: string;
  readonly entries: readonly CoverageEntry[];
}
