/**
 * The formats and the regular-expression constructor the Kubernetes schema
 * validators run with, in one module both kinds of validator use: those ajv
 * compiles at run time (policies/lib/k8s-api-schema-compile.ts) and the
 * precompiled ones (policies/kubernetes/schemas/api-validators.json), whose
 * code calls them as `F.formats` and `F.regExp`. Pure.
 */
import type { FormatDefinition } from "ajv";

const INT32: FormatDefinition<number> = {
  type: "number",
  validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
};
const INT64: FormatDefinition<number> = { type: "number", validate: (n: number) => Number.isInteger(n) };
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:?\d{2})$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The OpenAPI formats the Kubernetes schemas use, as ajv formats. */
export const FORMATS = {
  int32: INT32,
  int64: INT64,
  "date-time": DATE_TIME,
  byte: BASE64,
};

/** The Go flag group a RE2 pattern may open with (after an optional `^`): JavaScript has none. */
const LEADING_I = /^(\^?)\(\?i\)/;

/**
 * The CRD schemas' patterns are Go (RE2) regular expressions: a `(?i)` at the
 * start (`(?i)warn`, `^(?i)(abort|warn)?$`) becomes the `i` flag; a pattern
 * JavaScript cannot compile matches anything (the field is not checked rather
 * than the whole object failing). `code` is how generated code names it.
 */
export const regExp = Object.assign(
  (pattern: string, flags: string): RegExp => {
    const insensitive = LEADING_I.test(pattern);
    const source = insensitive ? pattern.replace(LEADING_I, "$1") : pattern;
    try {
      return new RegExp(source, insensitive ? `${flags}i` : flags);
    } catch {
      return /(?:)/;
    }
  },
  { code: "F.regExp" },
);
