import * as pulumi from "@pulumi/pulumi";
import { fail, formatProblem, PavedValidationError, Problems } from "../../../components/core/errors";

describe("PavedValidationError", () => {
  test('message reads <Component> "<name>": <arg> <problem>; <fix>', () => {
    expect(() =>
      fail(
        "SegmentedNetwork",
        "core",
        'tier "data" cidrMask',
        "30 is too small",
        "use 16..28",
        "PAVED_CIDR_MASK_RANGE",
      ),
    ).toThrow('SegmentedNetwork "core": tier "data" cidrMask 30 is too small; use 16..28');
  });

  test("carries the component, name, code and problems", () => {
    let caught: unknown;
    try {
      fail(
        "LeastPrivilegeRole",
        "app",
        "trust",
        "is missing",
        "set exactly one of service, accounts, githubOidc, eksServiceAccount",
        "PAVED_TRUST_MISSING",
      );
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(PavedValidationError);
    const err = caught as PavedValidationError;
    expect(err.component).toBe("LeastPrivilegeRole");
    expect(err.resourceName).toBe("app");
    expect(err.code).toBe("PAVED_TRUST_MISSING");
    expect(err.problems).toHaveLength(1);
    expect(PavedValidationError.isInstance(err)).toBe(true);
    expect(PavedValidationError.isInstance(new Error("x"))).toBe(false);
  });

  test("is a pulumi.ResourceError that hides the stack trace", () => {
    const err = new PavedValidationError("C", "n", [{ arg: "a", problem: "p", fix: "f", code: "X" }]);
    expect(err).toBeInstanceOf(pulumi.ResourceError);
    expect(err.hideStack).toBe(true);
  });

  test("refuses to be built without a problem", () => {
    expect(() => new PavedValidationError("C", "n", [])).toThrow("at least one problem");
  });
});

describe("Problems collector", () => {
  test("throws nothing when empty", () => {
    const p = new Problems("C", "n");
    expect(p.check(true, "a", "p", "f", "X")).toBe(true);
    expect(() => p.throwIfAny()).not.toThrow();
    expect(p.count).toBe(0);
  });

  test("lists every problem, one line each, in order", () => {
    const p = new Problems("SanVolume", "db");
    p.add("iops", "20000 is above the gp3 limit", "use 3000..16000", "PAVED_IOPS_RANGE");
    expect(
      p.check(false, "throughput", "2000 is above the gp3 limit", "use 125..1000", "PAVED_THROUGHPUT_RANGE"),
    ).toBe(false);
    let err: PavedValidationError | undefined;
    try {
      p.throwIfAny();
    } catch (e) {
      err = e as PavedValidationError;
    }
    expect(err?.message.split("\n")).toEqual([
      formatProblem("SanVolume", "db", {
        arg: "iops",
        problem: "20000 is above the gp3 limit",
        fix: "use 3000..16000",
      }),
      'SanVolume "db": throughput 2000 is above the gp3 limit; use 125..1000',
    ]);
    expect(err?.hasCode("PAVED_THROUGHPUT_RANGE")).toBe(true);
    expect(err?.hasCode("PAVED_OTHER")).toBe(false);
  });
});
