/**
 * Reads `pulumi stack export` JSON (deployment version 3) into the resources a
 * check runs on: inputs as the resource's props, the parent chain from
 * `parent`, and a custom resource's recorded outputs (what the provider last
 * reported, what `pulumi refresh` saw) as a second view the policies also
 * check (`recorded`). Resource references (URN strings of the stack's own
 * resources, resource-reference objects) read as the id they stand for, as the
 * engine hands them to a policy. Pure; audits stacks that already exist.
 */
import { UsageError } from "../errors";
import type { CheckResource } from "./resource";

const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";

/** A resource read from state: the declared inputs as `properties`, and the recorded outputs. */
export interface StateResource extends CheckResource {
  /**
   * A custom resource's recorded outputs (wire form, references as ids): the
   * policies check them too, and a finding only they show is reported
   * "(in the recorded outputs)".
   */
  readonly recorded?: Record<string, unknown>;
}

/** What the state file held. */
export interface StateSnapshot {
  readonly project?: string;
  readonly stack?: string;
  readonly resources: StateResource[];
}

interface ExportedResource {
  urn?: unknown;
  id?: unknown;
  type?: unknown;
  custom?: unknown;
  inputs?: unknown;
  outputs?: unknown;
  parent?: unknown;
  provider?: unknown;
  dependencies?: unknown;
  delete?: unknown;
}

/**
 * Encrypted secrets (`ciphertext`) cannot be read without the stack's key: they
 * reach the policies as secrets holding a mask. Secrets exported with
 * `--show-secrets` (`plaintext`) keep their value, still marked secret.
 */
function secretsReadable(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(secretsReadable);
  if (typeof v === "object" && v !== null) {
    const o = v as Record<string, unknown>;
    if (o[SIG_KEY] === SECRET_SIG && !("value" in o)) {
      let value: unknown = "[secret]";
      if (typeof o.plaintext === "string") {
        try {
          value = JSON.parse(o.plaintext);
        } catch {
          value = o.plaintext;
        }
      }
      return { [SIG_KEY]: SECRET_SIG, value: secretsReadable(value) };
    }
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, secretsReadable(x)]));
  }
  return v;
}

/**
 * Resource references as the id they stand for: a reference object's `id`
 * (or, without one, the id of the resource its URN names; a component's URN
 * stays its URN), and a string that is the URN of a custom resource in the
 * stack reads as that resource's id.
 */
function referencesAsIds(v: unknown, ids: ReadonlyMap<string, string>): unknown {
  if (typeof v === "string") return v.startsWith("urn:pulumi:") ? (ids.get(v) ?? v) : v;
  if (Array.isArray(v)) return v.map((x) => referencesAsIds(x, ids));
  if (typeof v === "object" && v !== null) {
    const o = v as Record<string, unknown>;
    if (o[SIG_KEY] === RESOURCE_SIG) {
      if (typeof o.id === "string" && o.id !== "") return o.id;
      return typeof o.urn === "string" ? (ids.get(o.urn) ?? o.urn) : undefined;
    }
    if (o[SIG_KEY] === SECRET_SIG) return v;
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, referencesAsIds(x, ids)]));
  }
  return v;
}

function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/** Parses a stack export; `source` names it in errors (a path or "stdin"). */
export function parseState(text: string, source: string): StateSnapshot {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${source} is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    throw new UsageError(`${source} is not a stack export: expected an object with version and deployment`);
  }
  const { version, deployment } = doc as { version?: unknown; deployment?: unknown };
  if (version !== 3) {
    throw new UsageError(
      `${source} has deployment version ${JSON.stringify(version)}; paved reads version 3 (pulumi stack export)`,
    );
  }
  const list = (deployment as { resources?: unknown } | undefined)?.resources;
  if (deployment === null || typeof deployment !== "object" || (list !== undefined && !Array.isArray(list))) {
    throw new UsageError(`${source} is not a stack export: deployment.resources must be a list`);
  }
  const entries = (list ?? []) as ExportedResource[];
  entries.forEach((r, i) => {
    if (typeof r !== "object" || r === null || typeof r.urn !== "string" || typeof r.type !== "string") {
      throw new UsageError(`${source}: deployment.resources[${i}] has no urn or type`);
    }
  });
  const ids = new Map<string, string>();
  for (const r of entries) {
    if (r.custom === true && r.delete !== true && typeof r.id === "string" && r.id)
      ids.set(r.urn as string, r.id);
  }
  const read = (v: unknown) => referencesAsIds(secretsReadable(v), ids) as Record<string, unknown>;
  const resources: StateResource[] = [];
  for (const r of entries) {
    if (r.delete === true) continue; // pending deletion: not part of the stack's desired state
    const urn = r.urn as string;
    const inputs = typeof r.inputs === "object" && r.inputs !== null ? r.inputs : {};
    const outputs = typeof r.outputs === "object" && r.outputs !== null ? r.outputs : undefined;
    const custom = r.custom === true;
    resources.push({
      urn,
      type: r.type as string,
      name: urn.split("::").slice(3).join("::"),
      custom,
      id: typeof r.id === "string" && r.id ? r.id : undefined,
      parent: typeof r.parent === "string" && r.parent ? r.parent : undefined,
      provider: typeof r.provider === "string" && r.provider ? r.provider : undefined,
      dependencies: stringList(r.dependencies),
      properties: read(inputs),
      outputs: custom || outputs === undefined ? undefined : read(outputs),
      ...(custom && outputs !== undefined && Object.keys(outputs).length > 0
        ? { recorded: read(outputs) }
        : {}),
    });
  }
  const stackUrn = resources.find((r) => r.type === "pulumi:pulumi:Stack")?.urn ?? resources[0]?.urn;
  const parts = stackUrn?.split("::") ?? [];
  return {
    stack: parts[0]?.replace(/^urn:pulumi:/, "") || undefined,
    project: parts[1] || undefined,
    resources,
  };
}
