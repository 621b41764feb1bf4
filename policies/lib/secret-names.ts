/**
 * Which environment variable names hold a credential: one list for every
 * policy that reads a container's environment (Kubernetes `env`, ECS
 * `environment`), so a name flagged in one is flagged in the other. Pure.
 */

/** Case-insensitive regexes of names that hold a credential. */
export const DEFAULT_SECRET_NAME_PATTERNS: readonly string[] = [
  "pass(word|wd)",
  "secret",
  "token",
  "api[_.-]?key",
  "private[_.-]?key",
  "access[_.-]?key",
  "credential",
];

/** Names that point at a secret rather than hold one: `DB_PASSWORD_FILE`, `TOKEN_URL`, `SECRET_NAME`. */
export const DEFAULT_IGNORED_NAME_PATTERNS: readonly string[] = [
  "[_.-](file|path|dir|url|uri|endpoint|name)$",
];

/** Case-insensitive regexes from config strings; a string that is not a valid regex matches literally. */
export function namePatterns(patterns: readonly string[] | undefined): RegExp[] {
  return (patterns ?? []).map((p) => {
    try {
      return new RegExp(p, "i");
    } catch {
      return new RegExp(p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i");
    }
  });
}

/** A matcher for the names that hold a credential: matches `secret` and none of `ignored`. */
export function secretNameMatcher(
  secret: readonly string[] | undefined,
  ignored: readonly string[] | undefined,
): (name: string) => boolean {
  const yes = namePatterns(secret);
  const no = namePatterns(ignored);
  return (name) => yes.some((r) => r.test(name)) && !no.some((r) => r.test(name));
}

/** The config schema properties of a policy that reads names with {@link secretNameMatcher}. */
export const SECRET_NAME_CONFIG_PROPERTIES = {
  secretNamePatterns: {
    type: "array",
    items: { type: "string" },
    default: DEFAULT_SECRET_NAME_PATTERNS,
    description: "Regular expressions (case-insensitive) an env var name matches when it holds a credential.",
  },
  ignoredNamePatterns: {
    type: "array",
    items: { type: "string" },
    default: DEFAULT_IGNORED_NAME_PATTERNS,
    description:
      "Regular expressions (case-insensitive) of names that only point at a credential (a file path, a URL, a Secret's name).",
  },
} as const;
