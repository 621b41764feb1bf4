/**
 * The precompiled Kubernetes schema validators
 * (policies/kubernetes/schemas/api-validators.json): fresh for the committed
 * bundle and ajv, the ones validateObject uses, and giving the same problems
 * as the validators ajv compiles at run time; when stale, run-time compiling
 * takes over.
 */
import fc from "fast-check";
import committed from "../../../policies/kubernetes/schemas/api-validators.json";
import {
  compiledValidators,
  precompiledStale,
  precompiledValidators,
  schemaBundle,
  validateObject,
} from "../../../policies/lib/k8s-api-schema";
import { validatorsFile } from "../../../policies/lib/k8s-api-validators-file";
import { regExp } from "../../../policies/lib/k8s-schema-formats";

const kinds = Object.keys(schemaBundle().kinds).map((k) => {
  const slash = k.lastIndexOf("/");
  return { apiVersion: k.slice(0, slash), kind: k.slice(slash + 1) };
});

describe("the committed precompiled validators", () => {
  test("are what scripts/compile-k8s-validators.js makes from the committed bundle and ajv (else rerun it)", () => {
    const fresh = validatorsFile();
    expect({ ...committed, gzip: undefined }).toEqual({ ...fresh, gzip: undefined });
  });

  test("are fresh, so validateObject uses them for every kind", () => {
    expect(precompiledStale()).toBeUndefined();
    const set = precompiledValidators()!;
    expect(set).toBeDefined();
    for (const def of new Set(Object.values(schemaBundle().kinds))) {
      // A precompiled function, not one ajv compiled here (those carry their schema).
      expect(set.get(def)).toBe(set.get(def));
      expect((set.get(def) as { schema?: unknown }).schema).toBeUndefined();
    }
  });
});

describe("precompiled and run-time compiled validators give the same problems", () => {
  const compiled = compiledValidators(false);
  const precompiled = precompiledValidators()!;
  const both = (obj: unknown, apiVersion: string, kind: string) => ({
    precompiled: validateObject(obj, apiVersion, kind, { validators: precompiled }),
    compiled: validateObject(obj, apiVersion, kind, { validators: compiled }),
  });

  test.each(kinds.map((k) => [`${k.apiVersion}/${k.kind}`, k] as const))("%s: hand-made shapes", (_, k) => {
    const shapes: unknown[] = [
      {},
      { metadata: { name: "x", labelz: {} } },
      { metadata: { name: 1, labels: { a: 2 } }, spec: "x" },
      { spec: { zz: 1, replicas: "two", template: { spec: { containers: [{ image: 1, ports: [{}] }] } } } },
      { spec: { selector: [], groups: [{ name: "g", rules: [{ expr: 3, labelz: {} }] }] }, data: { a: 1 } },
    ];
    let problems = 0;
    for (const s of shapes) {
      const r = both(s, k.apiVersion, k.kind);
      expect(r.precompiled).toEqual(r.compiled);
      problems += r.precompiled!.length;
    }
    expect(problems).toBeGreaterThan(0); // compared on problems, not only on clean objects
  });

  test("arbitrary objects of every kind", () => {
    const kindArb = fc.constantFrom(...kinds);
    fc.assert(
      fc.property(kindArb, fc.object({ maxDepth: 4 }), fc.object({ maxDepth: 3 }), (k, spec, metadata) => {
        const r = both({ metadata, spec }, k.apiVersion, k.kind);
        expect(r.precompiled).toEqual(r.compiled);
      }),
      { numRuns: 200 },
    );
  });
});

describe("stale precompiled validators", () => {
  const reload = (file: Record<string, unknown>) => {
    let mod: typeof import("../../../policies/lib/k8s-api-schema") | undefined;
    jest.isolateModules(() => {
      jest.doMock("../../../policies/kubernetes/schemas/api-validators.json", () => file);
      mod = require("../../../policies/lib/k8s-api-schema");
    });
    jest.dontMock("../../../policies/kubernetes/schemas/api-validators.json");
    return mod!;
  };

  test("made from another bundle: not used, and objects are still validated (compiled here)", () => {
    const mod = reload({ ...committed, schemas: "0".repeat(64) });
    expect(mod.precompiledStale()).toBe("they were made from another schema bundle");
    expect(mod.precompiledValidators()).toBeUndefined();
    expect(mod.validateObject({ spec: { replica: 2 } }, "apps/v1", "Deployment")).toContainEqual({
      field: "spec.replica",
      why: 'unknown field (did you mean "replicas"?); fix its spelling or remove it',
    });
  });

  test("made by another ajv: not used", () => {
    const mod = reload({ ...committed, ajv: "8.0.0" });
    expect(mod.precompiledStale()).toMatch(
      /^they were made by ajv 8\.0\.0, and ajv \d+\.\d+\.\d+ is installed$/,
    );
    expect(mod.precompiledValidators()).toBeUndefined();
  });
});

describe("regExp: Go patterns", () => {
  test.each([
    ["(?i)warn", "WARN", true],
    ["^(?i)(abort|warn)?$", "Abort", true],
    ["^(?i)(abort|warn)?$", "", true],
    ["^(?i)(abort|warn)?$", "sometimes", false],
    ["^(abort|warn)$", "ABORT", false],
  ])("%s on %j: %s", (pattern, s, matches) => {
    expect(regExp(pattern, "u").test(s)).toBe(matches);
  });

  test("a pattern JavaScript cannot compile matches anything (the field is left unchecked)", () => {
    expect(regExp("(?P<name>x)", "u").test("y")).toBe(true);
  });
});
