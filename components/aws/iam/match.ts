/**
 * IAM action names and their wildcards. Pure: no Pulumi.
 *
 * IAM matches action names case-insensitively (`S3:GetObject` and `s3:getobject`
 * are the same action) and lets `*` and `?` stand for any run of characters
 * or any one character. Every comparison here folds case first.
 */

/** The unknown-value sentinel Pulumi uses during preview; a value equal to it means "cannot tell". */
export const UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** True when `v` is a value the lint can read: a string that is not the preview sentinel. */
export function isKnownString(v: unknown): v is string {
  return typeof v === "string" && v !== UNKNOWN_SENTINEL;
}

/** The service prefix of an action (`s3` for `s3:GetObject`), lower-cased; `*` for `*`. */
export function serviceOf(action: string): string {
  const i = action.indexOf(":");
  return i < 0 ? action.toLowerCase() : action.slice(0, i).toLowerCase();
}

/** The part after the colon (`GetObject` for `s3:GetObject`), as written; `*` for `*`. */
export function actionNameOf(action: string): string {
  const i = action.indexOf(":");
  return i < 0 ? action : action.slice(i + 1);
}

/** True when an action string has the IAM shape: `*`, or `service:Name` with a `*`/`?` glob allowed. */
export function isWellFormedAction(action: string): boolean {
  return action === "*" || /^[A-Za-z0-9*?-]+:[A-Za-z0-9*?]+$/.test(action);
}

/**
 * True when the action grants everything in one or more whole services:
 * `*`, `*:*`, `s3:*`, `*:GetObject` (any service). Prefix globs such as
 * `ec2:Describe*` are not whole-service wildcards.
 */
export function isServiceWideWildcard(action: string): boolean {
  if (action.trim() === "*") return true;
  const service = serviceOf(action);
  const name = actionNameOf(action);
  return /[*?]/.test(service) || /^[*?]+$/.test(name);
}

/** True when the action is `*` or `*:*`: every action in every service. */
export function isFullWildcard(action: string): boolean {
  const a = action.trim();
  return a === "*" || a === "*:*";
}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .split("")
    .map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.+^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${body}$`, "i");
}

/** True when the action pattern `pattern` (which may hold `*`/`?`) grants the concrete action `action`. */
export function actionMatches(pattern: string, action: string): boolean {
  return globToRegExp(pattern.trim()).test(action.trim());
}

/**
 * True when everything the statement action `granted` can match is also
 * matched by `pattern`: `ec2:DescribeInstances` and `ec2:Describe*` are
 * covered by `ec2:Describe*`; `ec2:Desc*` is not. Conservative: a glob in
 * `granted` is covered only when `pattern` is a prefix glob whose fixed part
 * is a prefix of `granted`'s fixed part.
 */
export function actionCoveredBy(granted: string, pattern: string): boolean {
  const g = granted.trim().toLowerCase();
  const p = pattern.trim().toLowerCase();
  if (!/[*?]/.test(g)) return actionMatches(p, g);
  if (p === g) return true;
  const star = p.indexOf("*");
  if (star !== p.length - 1 || p.includes("?")) return false;
  const fixed = p.slice(0, -1);
  const gFixed = g.split(/[*?]/)[0];
  return gFixed.startsWith(fixed);
}
