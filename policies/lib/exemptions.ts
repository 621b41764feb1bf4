/**
 * Exemptions as data. An exemption names one policy and one selector (a URN,
 * a resource type, or a glob over resource names) and says who owns it, which
 * ticket approved it, why, and until when. A matching, unexpired exemption
 * turns a finding into an advisory note; an expired one exempts nothing.
 *
 * Two sources, one format (validated with the JSON Schema below):
 * - the shared file named by the `PAVED_EXEMPTIONS_FILE` environment variable
 *   (JSON or YAML: a list, or `{ exemptions: [...] }`), loaded once per
 *   process and cached. `paved check --exemptions` sets it; with
 *   `pulumi preview` export it (an absolute path; relative paths resolve
 *   against the pack directory, the pack process's working directory);
 * - a policy's own pack config, `exemptions: [...]` (the `policy` field may be
 *   left out there). The engine validates it against the schema every policy
 *   declares, so a malformed entry is refused before the preview starts.
 *
 * The `paved-exemptions` stack policy reports malformed and expired entries of
 * the shared file (mandatory) and lists every exemption used (advisory).
 */
import * as fs from "fs";
import * as path from "path";
import type { ErrorObject, ValidateFunction } from "ajv";
import { closest } from "./did-you-mean";
import { isCalendarDate, selectorProblem } from "./exemption-checks";

export { isCalendarDate } from "./exemption-checks";

/** The stack policy that audits exemptions; it cannot itself be exempted from. */
export const LEDGER_POLICY = "paved-exemptions";

/** One exemption. Exactly one of `urn`, `type`, `namePattern`. */
export interface Exemption {
  /** The policy it exempts from (`aws-ebs-volume-encrypted`). */
  readonly policy: string;
  /** Exempts the resource with this URN. */
  readonly urn?: string;
  /** Exempts every resource of this type token (`aws:ebs/volume:Volume`). */
  readonly type?: string;
  /** Exempts resources whose Pulumi name matches this glob (`*` matches any run of characters). */
  readonly namePattern?: string;
  /** The team that owns the risk (`team-payments`). */
  readonly owner: string;
  /** The ticket that approved it (`SEC-1234`). */
  readonly ticket: string;
  /** Why the rule does not apply here. */
  readonly reason: string;
  /** The last day it applies, `YYYY-MM-DD` (UTC, inclusive). */
  readonly expires: string;
}

/** The properties of one exemption, as JSON Schema. Shared by the file schema and every policy's configSchema. */
export const EXEMPTION_PROPERTIES = {
  policy: { type: "string", minLength: 1, description: "The policy exempted from." },
  urn: { type: "string", minLength: 1, description: "Exempts the resource with this URN." },
  type: { type: "string", minLength: 1, description: "Exempts every resource of this type token." },
  namePattern: {
    type: "string",
    minLength: 1,
    description: "Exempts resources whose name matches this glob (* matches anything).",
  },
  owner: { type: "string", minLength: 1, description: "The team that owns the risk." },
  ticket: { type: "string", minLength: 1, description: "The ticket that approved the exemption." },
  reason: { type: "string", minLength: 1, description: "Why the policy does not apply." },
  expires: {
    type: "string",
    pattern: "^\\d{4}-\\d{2}-\\d{2}$",
    description: "The last day the exemption applies (YYYY-MM-DD, UTC).",
  },
} as const;

const SELECTOR_ONE_OF = [{ required: ["urn"] }, { required: ["type"] }, { required: ["namePattern"] }];

/** JSON Schema of one exemption in the shared file (`policy` required). */
export const EXEMPTION_SCHEMA = {
  type: "object",
  additionalProperties: false,
  required: ["policy", "owner", "ticket", "reason", "expires"],
  properties: EXEMPTION_PROPERTIES,
  oneOf: SELECTOR_ONE_OF,
} as const;

/** JSON Schema of the `exemptions` property every policy's configSchema carries (`policy` implied). */
export const CONFIG_EXEMPTIONS_SCHEMA = {
  type: "array",
  description: "Exemptions from this policy: { urn | type | namePattern, owner, ticket, reason, expires }.",
  items: {
    type: "object",
    additionalProperties: false,
    required: ["owner", "ticket", "reason", "expires"],
    properties: EXEMPTION_PROPERTIES,
    oneOf: SELECTOR_ONE_OF,
  },
} as const;

// ajv (63 modules) and yaml (72) load, and the schema compiles, only when
// there are exemptions to read: most runs have none, and every pack start paid for them.
let compiled: ValidateFunction<Exemption> | undefined;
function validateOne(entry: unknown): entry is Exemption {
  if (!compiled) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Ajv = (require("ajv") as typeof import("ajv")).default;
    compiled = new Ajv({ allErrors: true }).compile<Exemption>(EXEMPTION_SCHEMA);
  }
  const ok = compiled(entry);
  validateOne.errors = compiled.errors;
  return ok;
}
validateOne.errors = undefined as ErrorObject[] | null | undefined;

/** A refused entry: where it is and why. */
export interface ExemptionProblem {
  /** `<file>#3` or `<policy> config#0`. */
  readonly where: string;
  readonly message: string;
}

/** An accepted exemption with where it came from and its compiled name matcher. */
export interface LoadedExemption extends Exemption {
  /** `<file>#<index>` or `config:<policy>#<index>`: a stable key for the used-exemption report. */
  readonly id: string;
  readonly nameRegex?: RegExp;
}

/** What a source gave: accepted exemptions and refused entries. */
export interface ExemptionSet {
  readonly exemptions: readonly LoadedExemption[];
  readonly problems: readonly ExemptionProblem[];
}

const EMPTY: ExemptionSet = Object.freeze({ exemptions: [], problems: [] });

function describeErrors(errors: ErrorObject[] | null | undefined): string {
  const seen = new Set<string>();
  for (const e of errors ?? []) {
    if (e.keyword === "oneOf" || e.keyword === "if") {
      seen.add("needs exactly one of urn, type or namePattern");
    } else if (e.keyword === "required" && e.schemaPath.includes("oneOf")) {
      continue; // reported by the oneOf line above
    } else if (e.keyword === "required") {
      seen.add(`is missing ${String(e.params.missingProperty)}`);
    } else if (e.keyword === "additionalProperties") {
      const field = String(e.params.additionalProperty);
      seen.add(`has unknown field ${field}${didYouMean(field, Object.keys(EXEMPTION_PROPERTIES))}`);
    } else {
      seen.add(`${e.instancePath.replace(/^\//, "") || "entry"} ${e.message ?? "is invalid"}`);
    }
  }
  return [...seen].join("; ");
}

function globToRegex(glob: string): RegExp {
  const body = glob
    .split("*")
    .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${body}$`);
}

/** What else an entry is checked against (the CLI passes all of it; the pack what its file sets). */
export interface ExemptionRules {
  /**
   * The longest an exemption may run: `expires` at most this many days after
   * `now`. Unset: no cap. `paved check --exemptions` caps at
   * {@link DEFAULT_MAX_LIFETIME_DAYS} unless the file says otherwise.
   */
  readonly maxLifetimeDays?: number;
  /** Today, for the cap. @default new Date() */
  readonly now?: Date;
  /** The pack's policy names: an exemption from any other policy is refused. */
  readonly policies?: readonly string[];
}

/** The cap `paved check` applies when the exemptions file sets none. */
export const DEFAULT_MAX_LIFETIME_DAYS = 180;

const DAY_MS = 24 * 60 * 60 * 1000;

const didYouMean = (word: string, names: Iterable<string>): string => {
  const c = closest(word, names);
  return c ? `; did you mean "${c}"?` : "";
};

/** Validates a list of raw entries; `where` labels problems and ids; `impliedPolicy` fills a missing `policy`. */
export function validateExemptions(
  raw: unknown,
  where: string,
  impliedPolicy?: string,
  rules: ExemptionRules = {},
): ExemptionSet {
  if (!Array.isArray(raw)) {
    return { exemptions: [], problems: [{ where, message: "is not a list of exemptions" }] };
  }
  const exemptions: LoadedExemption[] = [];
  const problems: ExemptionProblem[] = [];
  const now = rules.now ?? new Date();
  raw.forEach((entry: unknown, i) => {
    const candidate =
      impliedPolicy && entry && typeof entry === "object" && !("policy" in entry)
        ? { ...(entry as object), policy: impliedPolicy }
        : entry;
    const at = `${where}#${i}`;
    if (!validateOne(candidate)) {
      problems.push({ where: at, message: describeErrors(validateOne.errors) });
      return;
    }
    if (!isCalendarDate(candidate.expires)) {
      problems.push({
        where: at,
        message: `expires "${candidate.expires}" is not a calendar date; write a real day as YYYY-MM-DD`,
      });
      return;
    }
    if (impliedPolicy && candidate.policy !== impliedPolicy) {
      problems.push({
        where: at,
        message: `names policy "${candidate.policy}" in ${impliedPolicy}'s config`,
      });
      return;
    }
    if (rules.policies && !rules.policies.includes(candidate.policy)) {
      problems.push({
        where: at,
        message: `policy "${candidate.policy}" is not in the pack${didYouMean(candidate.policy, rules.policies)}`,
      });
      return;
    }
    const never = selectorProblem(candidate);
    if (never) {
      problems.push({ where: at, message: never });
      return;
    }
    if (rules.maxLifetimeDays !== undefined) {
      const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
      const last = today + rules.maxLifetimeDays * DAY_MS;
      if (Date.parse(`${candidate.expires}T00:00:00Z`) > last) {
        const latest = new Date(last).toISOString().slice(0, 10);
        problems.push({
          where: at,
          message: `expires ${candidate.expires}, more than ${rules.maxLifetimeDays} days away (the longest an exemption may run); set expires on or before ${latest} and renew it through ${candidate.ticket} if still needed`,
        });
        return;
      }
    }
    exemptions.push({
      ...candidate,
      id: at,
      nameRegex: candidate.namePattern !== undefined ? globToRegex(candidate.namePattern) : undefined,
    });
  });
  return { exemptions, problems };
}

/** The keys a `{ exemptions: [...] }` file may have. */
const FILE_KEYS = ["exemptions", "maxLifetimeDays"];

/** The file-level cap, from `maxLifetimeDays:` or else the `PAVED_EXEMPTION_MAX_DAYS` environment variable. */
function fileCap(
  doc: Record<string, unknown>,
  where: string,
  problems: ExemptionProblem[],
): number | undefined {
  const raw = "maxLifetimeDays" in doc ? doc.maxLifetimeDays : process.env.PAVED_EXEMPTION_MAX_DAYS;
  if (raw === undefined || raw === "") return undefined;
  const n = typeof raw === "string" ? Number(raw) : raw;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1) {
    problems.push({
      where: `${where} maxLifetimeDays`,
      message: `is ${JSON.stringify(raw)}; give a whole number of days, at least 1 (default ${DEFAULT_MAX_LIFETIME_DAYS} under paved check)`,
    });
    return undefined;
  }
  return n;
}

/**
 * Parses a file's text (JSON or YAML; a list or `{ exemptions: [...], maxLifetimeDays? }`).
 * `rules` are what the caller adds (the CLI: the pack's policies and its default cap);
 * a cap the file sets wins over the caller's.
 */
export function parseExemptionsText(text: string, where: string, rules: ExemptionRules = {}): ExemptionSet {
  let doc: unknown;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { parse: parseYaml } = require("yaml") as typeof import("yaml");
    doc = parseYaml(text); // YAML is a superset of JSON
  } catch (e) {
    return { exemptions: [], problems: [{ where, message: `cannot be parsed: ${(e as Error).message}` }] };
  }
  const problems: ExemptionProblem[] = [];
  let list: unknown = doc;
  let cap = rules.maxLifetimeDays;
  if (doc && typeof doc === "object" && !Array.isArray(doc)) {
    const o = doc as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      if (!FILE_KEYS.includes(k)) {
        problems.push({
          where: `${where} ${k}`,
          message: `is not a key of an exemptions file (${FILE_KEYS.join(", ")})${didYouMean(k, FILE_KEYS)}`,
        });
      }
    }
    list = o.exemptions;
    cap = fileCap(o, where, problems) ?? cap;
  } else {
    cap = fileCap({}, where, problems) ?? cap;
  }
  const set = validateExemptions(list ?? [], where, undefined, { ...rules, maxLifetimeDays: cap });
  return { exemptions: set.exemptions, problems: [...problems, ...set.problems] };
}

const fileCache = new Map<string, ExemptionSet>();

let lastShared: { file: string; cwd: string; set: ExemptionSet } | undefined;

/** The shared file's exemptions (from `PAVED_EXEMPTIONS_FILE`), read once per path. */
export function sharedExemptions(): ExemptionSet {
  const file = process.env.PAVED_EXEMPTIONS_FILE;
  if (!file) return EMPTY;
  // Called for every resource with findings: skip path.resolve when nothing changed.
  const cwd = process.cwd();
  if (lastShared && lastShared.file === file && lastShared.cwd === cwd) return lastShared.set;
  const resolved = path.resolve(file);
  let set = fileCache.get(resolved);
  if (!set) {
    let text: string | undefined;
    try {
      text = fs.readFileSync(resolved, "utf8");
    } catch (e) {
      set = {
        exemptions: [],
        problems: [{ where: resolved, message: `cannot be read: ${(e as Error).message}` }],
      };
    }
    set ??= parseExemptionsText(text ?? "", path.basename(resolved));
    fileCache.set(resolved, set);
  }
  lastShared = { file, cwd, set };
  return set;
}

/** Forgets the cached file (tests; a long-lived process whose file changed). */
export function resetExemptionCache(): void {
  fileCache.clear();
  lastShared = undefined;
  used.clear();
}

/** True when the exemption's last day is before `now` (UTC). */
export function isExpired(e: Pick<Exemption, "expires">, now: Date): boolean {
  return Date.parse(`${e.expires}T23:59:59.999Z`) < now.getTime();
}

/** What an exemption is matched against. */
export interface ExemptionTarget {
  readonly policy: string;
  readonly urn: string;
  readonly type: string;
  readonly name: string;
}

/** True when the exemption covers the target (expiry not considered). */
export function exemptionMatches(e: LoadedExemption, t: ExemptionTarget): boolean {
  if (e.policy !== t.policy) return false;
  if (e.urn !== undefined) return e.urn === t.urn;
  if (e.type !== undefined) return e.type === t.type;
  return e.nameRegex !== undefined && e.nameRegex.test(t.name);
}

/** The type and name a URN encodes: `urn:pulumi:stack::project::parent$type::name`. */
export function urnParts(urn: string): { type: string; name: string } {
  const parts = urn.split("::");
  if (parts.length < 4) return { type: "", name: "" };
  const qualified = parts[2];
  return { type: qualified.slice(qualified.lastIndexOf("$") + 1), name: parts.slice(3).join("::") };
}

/** One exemption used during this process (one preview): how many findings it covered and where. */
export interface ExemptionUse {
  readonly exemption: LoadedExemption;
  count: number;
  readonly urns: Set<string>;
}

const used = new Map<string, ExemptionUse>();

/** Records that `e` covered a finding on `urn`. */
export function recordUse(e: LoadedExemption, urn: string): void {
  let u = used.get(e.id);
  if (!u) {
    u = { exemption: e, count: 0, urns: new Set() };
    used.set(e.id, u);
  }
  u.count++;
  u.urns.add(urn);
}

/** A copy of the registry, to put back with {@link restoreUses}. */
export type UseSnapshot = ReadonlyMap<
  string,
  { exemption: LoadedExemption; count: number; urns: readonly string[] }
>;

/**
 * The registry as it stands. With {@link restoreUses}, one evaluation can be
 * run twice with one record of it: the policy harness runs every fixture
 * through the SDK's handler and paved's, and compares what each recorded.
 */
export function snapshotUses(): UseSnapshot {
  return new Map(
    [...used].map(([id, u]) => [id, { exemption: u.exemption, count: u.count, urns: [...u.urns] }]),
  );
}

/** Puts the registry back as a {@link snapshotUses} copy had it. */
export function restoreUses(snapshot: UseSnapshot): void {
  used.clear();
  for (const [id, u] of snapshot)
    used.set(id, { exemption: u.exemption, count: u.count, urns: new Set(u.urns) });
}

/** Every exemption used so far in this process, in first-use order. */
export function usedExemptions(): readonly ExemptionUse[] {
  return [...used.values()];
}
