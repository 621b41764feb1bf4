/**
 * Shape checks for list arguments, shared by the AWS and Kubernetes
 * components. TypeScript callers cannot pass a non-list, but JavaScript
 * callers and values read from stack config (`config.requireObject(...)`) can;
 * they get a validation problem naming the argument, not a TypeError. Pure.
 */
import type { ValidationProblem } from "../core/errors";

/** What each item of a list must be. */
export type ListItems = "object" | "string" | "number";

/**
 * `value` as a list when it is an array whose items are all of the expected
 * kind; otherwise `[]` and the problems (the arg itself, or `arg[i]` for each
 * bad item). `undefined` gives `fallback`.
 */
export function listArg<T>(
  value: readonly T[] | undefined,
  arg: string,
  items: ListItems,
  fallback: readonly T[] = [],
): { list: readonly T[]; problems: ValidationProblem[] } {
  if (value === undefined) return { list: fallback, problems: [] };
  const kind = items === "object" ? "objects" : `${items}s`;
  if (!Array.isArray(value)) {
    return {
      list: [],
      problems: [
        {
          arg,
          problem: `${describe(value)} is not a list`,
          fix: `give a list of ${kind}`,
          code: "PAVED_ARG_NOT_A_LIST",
        },
      ],
    };
  }
  const problems: ValidationProblem[] = [];
  value.forEach((v: unknown, i) => {
    const ok =
      items === "object" ? typeof v === "object" && v !== null && !Array.isArray(v) : typeof v === items;
    if (!ok) {
      problems.push({
        arg: `${arg}[${i}]`,
        problem: `${describe(v)} is not ${items === "object" ? "an object" : `a ${items}`}`,
        fix: `give a list of ${kind}`,
        code: "PAVED_ARG_NOT_A_LIST",
      });
    }
  });
  return problems.length > 0 ? { list: [], problems } : { list: value, problems };
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "object") return Array.isArray(v) ? "a list" : "an object";
  return String(v);
}
