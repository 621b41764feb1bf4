import * as pulumi from "@pulumi/pulumi";

/**
 * One problem found in a component's or policy's arguments.
 *
 * The message a user reads is `<arg> <problem>; <fix>`, prefixed with the
 * component and its name: `SegmentedNetwork "core": tier "data" cidrMask 30 is too small; use 16..28`.
 */
export interface ValidationProblem {
  /** The argument at fault, as the user wrote it: `tiers[2].cidrMask`, `flows[0].justification`. */
  readonly arg: string;
  /** What is wrong, phrased to follow the arg: `is too small`, `is required`. */
  readonly problem: string;
  /** What to do about it: `use 16..28`. */
  readonly fix: string;
  /** A stable, machine-readable code (`PAVED_CIDR_MASK_RANGE`). Tests match codes; users read messages. */
  readonly code: string;
}

/** Formats one problem as the single line a user reads. */
export function formatProblem(component: string, name: string, p: Omit<ValidationProblem, "code">): string {
  return `${component} "${name}": ${p.arg} ${p.problem}; ${p.fix}`;
}

/**
 * The one error type for bad input to a Paved component or policy.
 *
 * It extends `pulumi.ResourceError` with `hideStack` set, so the Pulumi CLI
 * prints the message against the resource and no stack trace. Every problem
 * found is listed, one line each, so a user fixes them all in one round.
 */
export class PavedValidationError extends pulumi.ResourceError {
  /** The component type (`SegmentedNetwork`) or policy name. */
  readonly component: string;
  /** The resource name the user gave the component. */
  readonly resourceName: string;
  /** Every problem found, in the order the arguments were checked. */
  readonly problems: readonly ValidationProblem[];
  /** The code of the first problem; convenient for single-problem checks. */
  readonly code: string;

  constructor(
    component: string,
    resourceName: string,
    problems: readonly ValidationProblem[],
    resource?: pulumi.Resource,
  ) {
    if (problems.length === 0) {
      throw new Error("PavedValidationError needs at least one problem");
    }
    super(problems.map((p) => formatProblem(component, resourceName, p)).join("\n"), resource, true);
    this.name = "PavedValidationError";
    this.component = component;
    this.resourceName = resourceName;
    this.problems = problems;
    this.code = problems[0].code;
    Object.setPrototypeOf(this, PavedValidationError.prototype);
  }

  /** True when any problem carries the given code. */
  hasCode(code: string): boolean {
    return this.problems.some((p) => p.code === code);
  }

  /** Recognises the error across module copies (instanceof fails when two copies are loaded). */
  static isInstance(e: unknown): e is PavedValidationError {
    return (
      e instanceof PavedValidationError ||
      (typeof e === "object" && e !== null && (e as { name?: unknown }).name === "PavedValidationError")
    );
  }
}

/**
 * The one helper that raises a validation error for a single problem.
 *
 * @example fail("SegmentedNetwork", "core", "tiers[2].cidrMask", "30 is too small", "use 16..28", "PAVED_CIDR_MASK_RANGE")
 */
export function fail(
  component: string,
  name: string,
  arg: string,
  problem: string,
  fix: string,
  code: string,
): never {
  throw new PavedValidationError(component, name, [{ arg, problem, fix, code }]);
}

/**
 * Collects every problem in a component's arguments, then throws once with
 * all of them listed (the awsx habit: one round of fixes, not one per run).
 */
export class Problems {
  private readonly list: ValidationProblem[] = [];

  constructor(
    readonly component: string,
    readonly name: string,
  ) {}

  /** Records a problem. */
  add(arg: string, problem: string, fix: string, code: string): this {
    this.list.push({ arg, problem, fix, code });
    return this;
  }

  /** Records every problem from a pure validator. */
  addAll(problems: readonly ValidationProblem[]): this {
    this.list.push(...problems);
    return this;
  }

  /** Records a problem when `ok` is false; returns `ok`. */
  check(ok: boolean, arg: string, problem: string, fix: string, code: string): boolean {
    if (!ok) this.add(arg, problem, fix, code);
    return ok;
  }

  get count(): number {
    return this.list.length;
  }

  get all(): readonly ValidationProblem[] {
    return this.list;
  }

  /** Throws a `PavedValidationError` listing every problem, if there are any. */
  throwIfAny(resource?: pulumi.Resource): void {
    if (this.list.length > 0) {
      throw new PavedValidationError(this.component, this.name, [...this.list], resource);
    }
  }
}
