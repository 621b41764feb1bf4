/**
 * ajv's errors for a Kubernetes object, as the API server would put them: the
 * field (dotted, `spec.template.spec.containers[0].imagePullPolic`) and why,
 * with the fix ("did you mean ..." for a misspelt field). Pure.
 */
import type { ErrorObject } from "ajv";
import { closest } from "./did-you-mean";

type Node = Record<string, unknown>;

/** One thing the API server would reject. */
export interface SchemaProblem {
  /** The field, dotted (`spec.template.spec.containers[0].imagePullPolic`); "" for the object itself. */
  readonly field: string;
  /** Why, in a few words, with the fix where there is one. */
  readonly why: string;
}

/** JSON pointer to a dotted field: `/spec/containers/0/image` -> `spec.containers[0].image`. */
export function fieldOf(pointer: string): string {
  if (pointer === "") return "";
  let out = "";
  for (const raw of pointer.slice(1).split("/")) {
    const seg = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (/^\d+$/.test(seg)) out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) out += out === "" ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

function join(field: string, key: string): string {
  return fieldOf(`${field}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`);
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "an object";
  if (typeof v === "string")
    return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}...` : v)}`;
  return `${typeof v} ${String(v)}`;
}

const TYPE_NAMES: Record<string, string> = {
  integer: "an integer",
  number: "a number",
  string: "a string",
  boolean: "a boolean",
  object: "an object",
  array: "a list",
};

function typeName(t: unknown): string {
  const list = Array.isArray(t) ? t : [t];
  return list.map((x) => TYPE_NAMES[String(x)] ?? String(x)).join(" or ");
}

const FORMAT_NAMES: Record<string, string> = {
  int32: "a 32-bit integer",
  int64: "a 64-bit integer",
  "date-time": "an RFC 3339 date-time",
  byte: "base64",
};

/** Simple alternatives (`anyOf: [{type: integer}, {type: string}]`) as their types, else undefined. */
function alternativeTypes(schema: unknown): string[] | undefined {
  if (!Array.isArray(schema)) return undefined;
  const types: string[] = [];
  for (const s of schema as Node[]) {
    if (typeof s.type !== "string" || Object.keys(s).length !== 1) return undefined;
    types.push(s.type);
  }
  return types;
}

/** One ajv error as a problem. */
export function problemOf(e: ErrorObject): SchemaProblem {
  const field = fieldOf(e.instancePath);
  switch (e.keyword) {
    case "additionalProperties": {
      const name = (e.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys((e.parentSchema as Node | undefined)?.properties ?? {});
      const hint = closest(name, known);
      return {
        field: join(e.instancePath, name),
        why: hint
          ? `unknown field (did you mean "${hint}"?); fix its spelling or remove it`
          : `unknown field; remove it (the schema has no such field${known.length > 0 && known.length <= 12 ? `: it has ${known.join(", ")}` : ""})`,
      };
    }
    case "required": {
      const name = (e.params as { missingProperty: string }).missingProperty;
      return { field: join(e.instancePath, name), why: "required field is missing; set it" };
    }
    case "type":
      return { field, why: `must be ${typeName(e.schema)}, got ${describe(e.data)}` };
    case "enum":
      return {
        field,
        why: `must be one of ${(e.schema as unknown[]).map((x) => JSON.stringify(x)).join(", ")}; got ${describe(e.data)}`,
      };
    case "format": {
      const f = String(e.schema);
      return { field, why: `must be ${FORMAT_NAMES[f] ?? `in format ${f}`}, got ${describe(e.data)}` };
    }
    case "anyOf":
    case "oneOf": {
      const types = alternativeTypes(e.schema);
      return types
        ? { field, why: `must be ${typeName(types)}, got ${describe(e.data)}` }
        : { field, why: `matches none of the shapes the schema allows (${describe(e.data)})` };
    }
    default:
      return { field, why: `${e.message ?? "is invalid"} (got ${describe(e.data)})` };
  }
}

/** Drops the branch errors of an anyOf/oneOf (reported once by the anyOf/oneOf error itself). */
export function collapse(errors: readonly ErrorObject[]): ErrorObject[] {
  const branches = errors
    .filter((e) => e.keyword === "anyOf" || e.keyword === "oneOf")
    .map((e) => `${e.schemaPath}/`);
  if (branches.length === 0) return [...errors];
  return errors.filter((e) => !branches.some((b) => e.schemaPath.startsWith(b)));
}
