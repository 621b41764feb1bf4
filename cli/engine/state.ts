/**
 * Reads `pulumi stack export` JSON (deployment version 3) into the resources a
 * check runs on: inputs as the resource's props, the parent chain from
 * `parent`. Pure; audits stacks that already exist.
 */
import { UsageError } from "../errors";
import type { CheckResource } from "./resource";

const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** What the state file held. */
export interface StateSnapshot {
  readonly project?: string;
  readonly stack?: string;
  readonly resources: CheckResource[];
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
  const resources: CheckResource[] = [];
  ((list ?? []) as ExportedResource[]).forEach((r, i) => {
    if (typeof r !== "object" || r === null || typeof r.urn !== "string" || typeof r.type !== "string") {
      throw new UsageError(`${source}: deployment.resources[${i}] has no urn or type`);
    }
    if (r.delete === true) return; // pending deletion: not part of the stack's desired state
    const inputs = typeof r.inputs === "object" && r.inputs !== null ? r.inputs : {};
    const outputs = typeof r.outputs === "object" && r.outputs !== null ? r.outputs : undefined;
    resources.push({
      urn: r.urn,
      type: r.type,
      name: r.urn.split("::").slice(3).join("::"),
      custom: r.custom === true,
      id: typeof r.id === "string" && r.id ? r.id : undefined,
      parent: typeof r.parent === "string" && r.parent ? r.parent : undefined,
      provider: typeof r.provider === "string" && r.provider ? r.provider : undefined,
      dependencies: stringList(r.dependencies),
      properties: secretsReadable(inputs) as Record<string, unknown>,
      outputs:
        r.custom === true ? undefined : (secretsReadable(outputs) as Record<string, unknown> | undefined),
    });
  });
  const stackUrn = resources.find((r) => r.type === "pulumi:pulumi:Stack")?.urn ?? resources[0]?.urn;
  const parts = stackUrn?.split("::") ?? [];
  return {
    stack: parts[0]?.replace(/^urn:pulumi:/, "") || undefined,
    project: parts[1] || undefined,
    resources,
  };
}
