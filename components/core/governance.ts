/**
 * Governance metadata: the tags every AWS resource carries and the labels every
 * Kubernetes object carries. Pure: no Pulumi here, so policies and the CLI can
 * use the same definitions.
 */
import type { ValidationProblem } from "./errors";
import { PAVED_VERSION } from "./version";

/** Allowed values of the `data-classification` tag, least to most sensitive. */
export const DATA_CLASSIFICATIONS = ["public", "internal", "confidential", "restricted"] as const;
export type DataClassification = (typeof DATA_CLASSIFICATIONS)[number];

/** Allowed values of the `environment` tag. */
export const ENVIRONMENTS = ["dev", "staging", "prod"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

/** The tag keys, by the field of {@link Governance} they come from. */
export const TAG_KEYS = {
  appId: "app-id",
  owner: "owner",
  costCenter: "cost-center",
  dataClassification: "data-classification",
  environment: "environment",
  changeTicket: "change-ticket",
} as const;

/** Tag keys required on every taggable resource in every environment. */
export const REQUIRED_TAG_KEYS = [
  "app-id",
  "owner",
  "cost-center",
  "data-classification",
  "environment",
] as const;

/** Tag keys required in addition in prod. */
export const PROD_TAG_KEYS = ["change-ticket"] as const;

/** Kubernetes labels use the same keys under this prefix: `paved.dev/app-id`. */
export const LABEL_PREFIX = "paved.dev/";

/** The stamp keys: which pattern made a resource and which version of Paved. */
export const PATTERN_TAG = "paved:pattern";
export const VERSION_TAG = "paved:version";
export const PATTERN_LABEL = `${LABEL_PREFIX}pattern`;
export const VERSION_LABEL = `${LABEL_PREFIX}version`;

/** The default format of a change ticket; configurable as `paved:changeTicketPattern`. */
export const DEFAULT_CHANGE_TICKET_PATTERN = "^(CHG|INC)-\\d+$";

/** Who owns a workload and how it is governed. Every Paved component takes one. */
export interface Governance {
  /** The application's id in the CMDB, for example `payments-api`. */
  appId: string;
  /** The owning team (a handle such as `team-payments`; also used as a Kubernetes label value). */
  owner: string;
  /** The cost center that pays, for example `cc-1234`. */
  costCenter: string;
  /** How sensitive the data handled is. */
  dataClassification: DataClassification;
  /** Which environment this stack is. */
  environment: Environment;
  /** The approved change, required in prod, for example `CHG-1234`. */
  changeTicket?: string;
}

/** The tag keys required for an environment (the prod set includes `change-ticket`). */
export function requiredTagKeys(environment: string | undefined): string[] {
  return environment === "prod" ? [...REQUIRED_TAG_KEYS, ...PROD_TAG_KEYS] : [...REQUIRED_TAG_KEYS];
}

/** The label keys required for an environment: the tag keys under `paved.dev/`. */
export function requiredLabelKeys(environment: string | undefined): string[] {
  return requiredTagKeys(environment).map((k) => LABEL_PREFIX + k);
}

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** True when `value` is a valid Kubernetes label value (at most 63 characters, alphanumerics, `-_.`). */
export function isLabelValue(value: string): boolean {
  return value.length <= 63 && LABEL_VALUE.test(value);
}

function isOneOf<T extends string>(list: readonly T[], v: unknown): v is T {
  return typeof v === "string" && (list as readonly string[]).includes(v);
}

/** Options for {@link validateGovernance}. */
export interface GovernanceValidationOptions {
  /** The change ticket format, as a regular expression source. @default DEFAULT_CHANGE_TICKET_PATTERN */
  changeTicketPattern?: string;
  /** Also require each value to be a valid Kubernetes label value. @default false */
  asLabels?: boolean;
}

/**
 * Checks governance metadata. Returns every problem found (empty when valid);
 * `arg` is the argument path used in messages (`governance`).
 */
export function validateGovernance(
  g: Partial<Governance> | undefined,
  arg = "governance",
  opts: GovernanceValidationOptions = {},
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const configHint = (field: string) => `set ${arg}.${field} or \`pulumi config set paved:${field} <value>\``;
  if (g === undefined || g === null || typeof g !== "object") {
    return [
      {
        arg,
        problem: "is missing",
        fix: "pass governance (appId, owner, costCenter, dataClassification, environment) or set them as paved:* stack config",
        code: "PAVED_GOVERNANCE_MISSING",
      },
    ];
  }
  for (const field of ["appId", "owner", "costCenter"] as const) {
    const v = g[field];
    if (typeof v !== "string" || v.trim() === "") {
      problems.push({
        arg: `${arg}.${field}`,
        problem: "is required",
        fix: configHint(field),
        code: "PAVED_TAG_MISSING",
      });
    } else if (v.length > 256) {
      problems.push({
        arg: `${arg}.${field}`,
        problem: `is ${v.length} characters long`,
        fix: "use at most 256 characters (the AWS tag value limit)",
        code: "PAVED_TAG_INVALID",
      });
    }
  }
  if (!isOneOf(DATA_CLASSIFICATIONS, g.dataClassification)) {
    problems.push({
      arg: `${arg}.dataClassification`,
      problem:
        g.dataClassification === undefined
          ? "is required"
          : `"${String(g.dataClassification)}" is not a classification`,
      fix: `use one of ${DATA_CLASSIFICATIONS.join(" | ")}`,
      code: g.dataClassification === undefined ? "PAVED_TAG_MISSING" : "PAVED_TAG_INVALID",
    });
  }
  if (!isOneOf(ENVIRONMENTS, g.environment)) {
    problems.push({
      arg: `${arg}.environment`,
      problem:
        g.environment === undefined ? "is required" : `"${String(g.environment)}" is not an environment`,
      fix: `use one of ${ENVIRONMENTS.join(" | ")}`,
      code: g.environment === undefined ? "PAVED_TAG_MISSING" : "PAVED_TAG_INVALID",
    });
  }
  const ticketPattern = opts.changeTicketPattern ?? DEFAULT_CHANGE_TICKET_PATTERN;
  let ticketRegex: RegExp | undefined;
  try {
    ticketRegex = new RegExp(ticketPattern);
  } catch (e) {
    problems.push({
      arg: "paved:changeTicketPattern",
      problem: `"${ticketPattern}" is not a valid regular expression (${(e as Error).message})`,
      fix: "use a JavaScript regular expression such as ^(CHG|INC)-\\d+$",
      code: "PAVED_CHANGE_TICKET_PATTERN_INVALID",
    });
  }
  if (g.environment === "prod" && (g.changeTicket === undefined || g.changeTicket === "")) {
    problems.push({
      arg: `${arg}.changeTicket`,
      problem: "is required in prod",
      fix: `${configHint("changeTicket")} (format ${ticketPattern})`,
      code: "PAVED_CHANGE_TICKET_MISSING",
    });
  } else if (g.changeTicket !== undefined && ticketRegex && !ticketRegex.test(g.changeTicket)) {
    problems.push({
      arg: `${arg}.changeTicket`,
      problem: `"${g.changeTicket}" does not match ${ticketPattern}`,
      fix: "use the ticket id from the change system, for example CHG-1234",
      code: "PAVED_CHANGE_TICKET_FORMAT",
    });
  }
  if (opts.asLabels) {
    for (const field of ["appId", "owner", "costCenter", "changeTicket"] as const) {
      const v = g[field];
      if (typeof v === "string" && v !== "" && !isLabelValue(v)) {
        problems.push({
          arg: `${arg}.${field}`,
          problem: `"${v}" is not a valid Kubernetes label value`,
          fix: "use at most 63 characters: letters, digits, '-', '_' or '.', starting and ending alphanumeric",
          code: "PAVED_LABEL_INVALID",
        });
      }
    }
  }
  return problems;
}

/** The governance tags for AWS, keyed by tag key. `change-ticket` only when set. */
export function governanceTags(g: Governance): Record<string, string> {
  const tags: Record<string, string> = {
    [TAG_KEYS.appId]: g.appId,
    [TAG_KEYS.owner]: g.owner,
    [TAG_KEYS.costCenter]: g.costCenter,
    [TAG_KEYS.dataClassification]: g.dataClassification,
    [TAG_KEYS.environment]: g.environment,
  };
  if (g.changeTicket) tags[TAG_KEYS.changeTicket] = g.changeTicket;
  return tags;
}

/** The governance labels for Kubernetes: the tag keys under `paved.dev/`. */
export function governanceLabels(g: Governance): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(governanceTags(g))) labels[LABEL_PREFIX + k] = v;
  return labels;
}

/** The pattern and version stamps for AWS tags. */
export function stampTags(pattern: string): Record<string, string> {
  return { [PATTERN_TAG]: pattern, [VERSION_TAG]: PAVED_VERSION };
}

/** The pattern and version stamps for Kubernetes labels. */
export function stampLabels(pattern: string): Record<string, string> {
  return { [PATTERN_LABEL]: pattern, [VERSION_LABEL]: PAVED_VERSION };
}

/**
 * Merges tag or label maps left to right, where a later map adds keys but
 * never overwrites a key an earlier map set explicitly. Put the user's
 * explicit tags first: they always win.
 */
export function mergeKeepingFirst(...maps: (Record<string, string> | undefined)[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of maps) {
    if (!m) continue;
    for (const [k, v] of Object.entries(m)) {
      if (!(k in out)) out[k] = v;
    }
  }
  return out;
}

/**
 * All the tags a Paved component's AWS child carries: the user's explicit
 * tags (never overwritten), then governance, then the stamps.
 */
export function componentTags(
  g: Governance,
  pattern: string,
  explicit?: Record<string, string>,
): Record<string, string> {
  return mergeKeepingFirst(explicit, governanceTags(g), stampTags(pattern));
}

/** All the labels a Paved component's Kubernetes object carries. */
export function componentLabels(
  g: Governance,
  pattern: string,
  explicit?: Record<string, string>,
): Record<string, string> {
  return mergeKeepingFirst(explicit, governanceLabels(g), stampLabels(pattern));
}

/**
 * The required keys that are absent or empty in a tag or label map (or a
 * function that reads one key: only the required keys are read). Used by the
 * policy pack; `prefix` is `LABEL_PREFIX` for Kubernetes labels.
 */
export function missingGovernanceKeys(
  tags: Readonly<Record<string, unknown>> | ((key: string) => unknown) | undefined | null,
  environment: string | undefined,
  prefix = "",
): string[] {
  const out: string[] = [];
  for (const k of prefixedKeys(environment === "prod", prefix)) {
    const v = typeof tags === "function" ? tags(k) : tags?.[k];
    if (typeof v !== "string" || v.trim() === "") out.push(k);
  }
  return out;
}

/** The required keys with a prefix, [not prod, prod], per prefix: the policy pack asks for every resource. */
const prefixed = new Map<string, readonly [readonly string[], readonly string[]]>();
function prefixedKeys(prod: boolean, prefix: string): readonly string[] {
  let pair = prefixed.get(prefix);
  if (!pair) {
    const keys = (env: string | undefined) => Object.freeze(requiredTagKeys(env).map((k) => prefix + k));
    pair = [keys(undefined), keys("prod")];
    prefixed.set(prefix, pair);
  }
  return pair[prod ? 1 : 0];
}
