/**
 * The resource model every check runs on, whether it came from running a
 * program under mocks or from a `pulumi stack export` file.
 */

/** Where the program constructed a resource: the file (absolute) and 1-based line. */
export interface SourcePosition {
  readonly file: string;
  readonly line: number;
  readonly column?: number;
}

/** One resource, as the policy pack and the reports see it. */
export interface CheckResource {
  /** The URN as a real engine writes it (no mock-only `pulumi:pulumi:Stack$` type prefix). */
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly custom: boolean;
  /** The resource's id (the mocks' id, or the one in state); undefined for components and previews. */
  readonly id?: string;
  /** The parent's URN; undefined for the stack itself. */
  readonly parent?: string;
  /** The provider reference (`<urn>::<id>`), when one was given. */
  readonly provider?: string;
  readonly dependencies: readonly string[];
  /** Inputs as wire-form plain JavaScript (secrets and unknowns keep their signatures). */
  readonly properties: Record<string, unknown>;
  /** Component outputs registered with registerOutputs (wire form). */
  readonly outputs?: Record<string, unknown>;
  /**
   * Where the program constructed it: the SDK's captured source position, or
   * for a component's child the nearest ancestor constructed in the program.
   */
  readonly source?: SourcePosition;
}

const STACK_PREFIX = "pulumi:pulumi:Stack$";

/**
 * Normalises a URN from the mock monitor to the engine's form. Under
 * `runInPulumiStack` the mocks prefix every top-level type with the stack's
 * type (`...::pulumi:pulumi:Stack$aws:s3/bucket:Bucket::b`); a real engine does not.
 */
export function normaliseUrn(urn: string): string {
  if (!urn) return urn;
  const parts = urn.split("::");
  if (parts.length < 4) return urn;
  if (parts[2].startsWith(STACK_PREFIX)) parts[2] = parts[2].slice(STACK_PREFIX.length);
  return parts.join("::");
}

/** `name` from a URN (everything after the type). */
export function urnName(urn: string): string {
  return urn.split("::").slice(3).join("::");
}

/** The secret signature in Pulumi's wire form. */
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const SIG_KEY = "4dabf18193072939515e22adb298388d";
/** The resource-reference signature in Pulumi's wire form. */
const RESOURCE_REF_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
/** Pulumi's unknown-value sentinel. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/**
 * Wire form to plain values for reading (diagram, register): secrets are
 * unwrapped, unknowns become undefined, resource references become their URN.
 */
export function plain(v: unknown): unknown {
  if (v === UNKNOWN) return undefined;
  if (Array.isArray(v)) return v.map(plain);
  if (typeof v === "object" && v !== null) {
    const o = v as Record<string, unknown>;
    if (o[SIG_KEY] === SECRET_SIG) return plain(o.value);
    if (o[SIG_KEY] !== undefined && typeof o.urn === "string") return o.urn;
    if (o[SIG_KEY] !== undefined && "value" in o) return plain(o.value);
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, plain(x)]));
  }
  return v;
}

/**
 * Resource references (`role: myRole`, `bucket: siteBucket`) as the engine
 * hands them to a policy pack: a custom resource's id (unknown while it has
 * none, as in a preview), a component's URN. Secrets and other values keep
 * their wire form.
 */
export function referencesToIds(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(referencesToIds);
  if (typeof v === "object" && v !== null) {
    const o = v as Record<string, unknown>;
    if (o[SIG_KEY] === RESOURCE_REF_SIG) {
      if ("id" in o) return typeof o.id === "string" && o.id !== "" ? o.id : UNKNOWN;
      return typeof o.urn === "string" ? normaliseUrn(o.urn) : UNKNOWN;
    }
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, referencesToIds(x)]));
  }
  return v;
}
