/**
 * The one check behind the "resource policy not public" policies: which inputs
 * of which resource types hold a resource policy document, read with the
 * shared principal reader (`lib/principals.ts`). A policy names its types and
 * inputs in a table and gets its `check` from {@link publicPolicyCheck}; no
 * validator is copied per resource type.
 *
 * Inputs are read raw (`rawProps`): a document may be a JSON string or an
 * object with preview unknowns inside, and one unknown statement must not hide
 * a public one next to it. When nothing public is found but something was
 * unknown, the check throws `previewUnknown` (one advisory "skipped" note).
 */
import { type DocumentInput, type PublicFindingOptions, publicDocumentFindings } from "../../lib/principals";
import { rawProps } from "../../lib/sdk";
import type { Finding, ResourceUnderCheck } from "../../lib/types";

/** Resource type token → the inputs that hold a policy document (`policy`, `accessPolicies`). */
export type DocumentTable = Readonly<Record<string, readonly string[]>>;

/** The documents a resource of a table's type holds (absent or empty inputs left out). */
export function documentsIn(
  table: DocumentTable,
  type: string,
  props: Record<string, unknown>,
): DocumentInput[] {
  const out: DocumentInput[] = [];
  for (const path of table[type] ?? []) {
    const doc = props[path];
    if (doc !== undefined && doc !== null && doc !== "") out.push({ path, doc });
  }
  return out;
}

/** The `check` of a policy that reports every public statement in the documents of `table`. */
export function publicPolicyCheck(
  table: DocumentTable,
  options: PublicFindingOptions,
): (resource: ResourceUnderCheck) => Finding[] {
  return (resource) =>
    publicDocumentFindings(documentsIn(table, resource.type, rawProps(resource.props)), options);
}
