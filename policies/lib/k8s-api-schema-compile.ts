/**
 * The Kubernetes schema bundle (reduced OpenAPI) as ajv validators: the
 * conversion to JSON Schema, the validators ajv compiles at run time, and the
 * standalone code scripts/compile-k8s-validators.js writes ahead of time into
 * policies/kubernetes/schemas/api-validators.json. Compiling a kind that
 * embeds a pod template (Deployment, Rollout) at run time costs 150 to 270 ms
 * of CPU, more than the rest of a `paved check`; the precompiled code loads in
 * about 35 ms for every kind. policies/lib/k8s-api-schema.ts picks which.
 * This module loads ajv itself, so the precompiled path never loads it. Pure.
 */
import Ajv, { _, type ValidateFunction } from "ajv";
import standalone from "ajv/dist/standalone";
import { FORMATS, regExp } from "./k8s-schema-formats";

/** An OpenAPI node as the reduced bundle holds it. */
export type Node = Record<string, unknown>;

/** Validators by definition name. */
export interface ValidatorSet {
  get(name: string): ValidateFunction;
}

const ID = (name: string) => `k8s:${name}`;

/** Converts one node; `partial` drops `required` (server-side-apply patches). */
function convert(node: Node, partial: boolean): Node {
  if (typeof node.$ref === "string") return { $ref: ID(node.$ref) };
  const out: Node = {};
  const preserve = node["x-kubernetes-preserve-unknown-fields"] === true;
  for (const [k, v] of Object.entries(node)) {
    switch (k) {
      case "x-kubernetes-int-or-string":
      case "x-kubernetes-preserve-unknown-fields":
      case "x-kubernetes-embedded-resource":
      case "nullable": // nulls are dropped before validation: the API server reads null as unset
        break;
      case "format":
        if (v !== "int-or-string") out.format = v;
        break;
      case "required":
        if (!partial) out.required = v;
        break;
      case "properties": {
        const props: Node = {};
        for (const [p, s] of Object.entries(v as Record<string, Node>)) props[p] = convert(s, partial);
        out.properties = props;
        break;
      }
      case "items":
      case "not":
        out[k] = convert(v as Node, partial);
        break;
      case "additionalProperties":
        out[k] = typeof v === "boolean" ? v : convert(v as Node, partial);
        break;
      case "oneOf":
      case "anyOf":
      case "allOf":
        out[k] = (v as Node[]).map((s) => convert(s, partial));
        break;
      default:
        out[k] = v;
    }
  }
  if (node["x-kubernetes-int-or-string"] === true) {
    delete out.type;
    out.anyOf = [{ type: "integer" }, { type: "string" }];
  }
  if (node["x-kubernetes-embedded-resource"] === true && out.properties) {
    const props = out.properties as Node;
    props.apiVersion ??= { type: "string" };
    props.kind ??= { type: "string" };
    props.metadata ??= { $ref: ID("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta") };
  }
  // Strict: an object with explicit properties knows all its fields.
  if (out.properties && out.additionalProperties === undefined && !preserve) out.additionalProperties = false;
  return out;
}

/** `source`: keep each function's code, for {@link standaloneCode}. */
function newAjv(source: boolean): Ajv {
  return new Ajv({
    // In generated code the formats and regExp are the `F` of k8s-schema-formats.
    code: source ? { regExp, source, formats: _`F.formats` } : { regExp },
    allErrors: true,
    // Shared definitions (ObjectMeta, Container) compile once as functions, not inlined per use.
    inlineRefs: false,
    verbose: true, // errors carry their schema and data, for messages
    strict: false,
    logger: false,
    formats: FORMATS,
  });
}

/** One ajv per mode: definitions are added as they are first reached and compiled once. */
export class CompiledValidators implements ValidatorSet {
  private readonly ajv = newAjv(false);
  private readonly added = new Set<string>();
  private readonly byKind = new Map<string, ValidateFunction>();

  /** `partial` drops `required` (server-side-apply patches). */
  constructor(
    private readonly definitions: Readonly<Record<string, Node>>,
    private readonly partial: boolean,
  ) {}

  /** The compiled validator of a definition (and of everything it reaches). */
  get(name: string): ValidateFunction {
    let v = this.byKind.get(name);
    if (!v) {
      this.add(name);
      v = this.ajv.getSchema(ID(name));
      if (!v) throw new Error(`no schema ${name}`);
      this.byKind.set(name, v);
    }
    return v;
  }

  private add(root: string): void {
    const todo = [root];
    while (todo.length > 0) {
      const name = todo.pop()!;
      if (this.added.has(name)) continue;
      const def = this.definitions[name];
      if (!def) throw new Error(`the schema bundle has no definition ${name}`);
      this.added.add(name);
      this.ajv.addSchema(convert(def, this.partial), ID(name));
      collectRefs(def, todo);
    }
  }
}

function collectRefs(node: unknown, into: string[]): void {
  if (Array.isArray(node)) for (const n of node) collectRefs(n, into);
  else if (node !== null && typeof node === "object") {
    const o = node as Node;
    if (typeof o.$ref === "string") into.push(o.$ref);
    for (const k in o) if (k !== "$ref") collectRefs(o[k], into);
  }
}

/**
 * ajv standalone code (CommonJS) exporting, under each name in `names`, the
 * full-mode validator of that definition and of all it reaches. The code
 * reads `F` (k8s-schema-formats) and requires ajv's runtime helpers.
 * Deterministic: the same definitions and ajv version give the same text.
 */
export function standaloneCode(
  definitions: Readonly<Record<string, Node>>,
  names: readonly string[],
): string {
  const ajv = newAjv(true);
  for (const name of Object.keys(definitions).sort())
    ajv.addSchema(convert(definitions[name], false), ID(name));
  return standalone(ajv, Object.fromEntries([...names].sort().map((n) => [n, ID(n)])));
}
