/**
 * Resources whose purpose is otherwise opaque carry a description: KMS keys,
 * Lambda functions, Secrets Manager secrets, AppFlow flows and Athena
 * catalogs, databases, named queries and workgroups. Hygiene: a reviewer (or
 * an incident responder) reads why the key or secret exists without asking.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { isUnset } from "../../../lib/parity";

/** Type → the input that holds its description. */
const FIELDS: Readonly<Record<string, string>> = {
  "aws:kms/key:Key": "description",
  "aws:lambda/function:Function": "description",
  "aws:secretsmanager/secret:Secret": "description",
  "aws:appflow/flow:Flow": "description",
  "aws:athena/dataCatalog:DataCatalog": "description",
  "aws:athena/database:Database": "comment",
  "aws:athena/namedQuery:NamedQuery": "description",
  "aws:athena/workgroup:Workgroup": "description",
};

export const descriptionRequired = defineResourcePolicy({
  name: "aws-description-required",
  description:
    "KMS keys, Lambda functions, secrets, AppFlow flows and Athena resources carry a description of their purpose.",
  category: "governance",
  severity: "low",
  defaultLevel: "advisory",
  // Hygiene, not a control: a missing description weakens review, it opens nothing.
  securitySet: false,
  remediation: [
    "Set `description` (for an Athena database, `comment`) to one sentence saying what the resource is for and who owns it.",
    "Advisory in every stage: a description helps review and incident response but protects nothing by itself.",
  ],
  frameworks: [],
  types: Object.keys(FIELDS),
  check(r) {
    const field = FIELDS[r.type];
    if (!field || !isUnset(r.props[field])) return [];
    return [{ message: `${field} is empty; set ${field} to a sentence saying what the resource is for` }];
  },
});
