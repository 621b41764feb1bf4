/**
 * Merging user overrides over defaults, shared by the Kubernetes components.
 * Pure. (core/config.ts keeps a private copy for governance.)
 */

/** `o` without its undefined fields, so `{ ...defaults, ...stripUndefined(o) }` keeps a default the user left unset. */
export function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
