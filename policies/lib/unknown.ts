/**
 * "Cannot tell during preview", for every policy. A check that finds nothing
 * definite but could not read some input (a preview unknown) throws
 * `previewUnknown(...)`; `lib/sdk.ts` turns it into one advisory "skipped
 * during preview" note, checked again on update.
 *
 * `sdk.ts` recognises errors by name (`isUnknownValueError` in `props.ts`),
 * because the SDK's own error of this name is internal to @pulumi/policy; this
 * class carries the same name so both are reported the same way.
 */

/** The error a policy throws when only unknown values stand between it and a verdict. */
export class UnknownValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnknownValueError";
  }
}

/** The error to throw when a policy cannot tell during preview: `throw previewUnknown("x is not known until apply")`. */
export function previewUnknown(message: string): UnknownValueError {
  return new UnknownValueError(message);
}
