/**
 * The corpus: programs written as app teams write them (resource references,
 * ES modules, stack references, Lambda closures, Helm releases, several files,
 * a large Kubernetes app, ECS task definitions, a preview), each with the
 * findings a reviewer expects in `expected.json`:
 *
 *   { "args": [...], "mandatory": [[policy, resourceName, type?], ...], "advisory": [...] }
 *
 * Each program runs through the real CLI (`paved check <dir> --stack prod
 * --format json`, plus `args`; `{dir}` is the program's directory) and the
 * findings must be exactly the expected ones: nothing missing, nothing extra.
 * Programs run two at a time (the CLI is a process per program).
 */
import * as fs from "fs";
import * as path from "path";
import { ecsPolicies } from "../policies/aws/ecs";
import { PROGRAMS, ROOT, paved } from "./cli/run-cli";

const CORPUS = path.join(PROGRAMS, "corpus");

interface Expected {
  readonly args?: readonly string[];
  readonly mandatory: readonly (readonly string[])[];
  readonly advisory: readonly (readonly string[])[];
}

interface JsonReport {
  violations: { policy: string; level: string; resourceName: string; resourceType: string }[];
}

/**
 * Policies written for the corpus whose wiring into policies/pack.ts is the
 * lead's: until pack.ts lists them, their expected findings are set aside (and
 * the test says which). Once wired, they are held to the same exact match.
 */
const WIRED = fs.readFileSync(path.join(ROOT, "policies", "pack.ts"), "utf8").includes("ecsPolicies");
const PENDING = new Set(WIRED ? [] : ecsPolicies.map((p) => p.name));

const programs = fs
  .readdirSync(CORPUS, { withFileTypes: true })
  .filter((d) => d.isDirectory() && fs.existsSync(path.join(CORPUS, d.name, "expected.json")))
  .map((d) => d.name)
  .sort();

/**
 * `level policy name [type]` keys (the type only when the expectation names
 * it). A pending policy's expectation is kept when the pack reports it anyway
 * (another policy of that name is served) and set aside when it does not.
 */
function keys(
  level: string,
  expected: readonly (readonly string[])[],
  found: JsonReport["violations"],
): { want: string[]; got: string[] } {
  const typed = new Set(expected.filter((e) => e.length > 2).map(([policy, name]) => `${policy} ${name}`));
  const got = found
    .filter((v) => v.level === level)
    .map((v) =>
      [
        level,
        v.policy,
        v.resourceName,
        ...(typed.has(`${v.policy} ${v.resourceName}`) ? [v.resourceType] : []),
      ].join(" "),
    );
  const want = expected
    .map(([policy, name, type]) => ({
      policy,
      key: [level, policy, name, ...(type ? [type] : [])].join(" "),
    }))
    .filter(({ policy, key }) => !PENDING.has(policy) || got.includes(key))
    .map(({ key }) => key);
  return { want: [...new Set(want)].sort(), got: [...new Set(got)].sort() };
}

/** Runs every program, at most `limit` at a time, once for the whole file. */
async function runAll(
  limit: number,
): Promise<Map<string, { code: number | null; report?: JsonReport; stderr: string }>> {
  const out = new Map<string, { code: number | null; report?: JsonReport; stderr: string }>();
  const queue = [...programs];
  const worker = async () => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      const dir = path.relative(ROOT, path.join(CORPUS, name));
      const expected = JSON.parse(
        fs.readFileSync(path.join(CORPUS, name, "expected.json"), "utf8"),
      ) as Expected;
      const args = (expected.args ?? []).map((a) => a.split("{dir}").join(dir));
      const r = await paved(["check", dir, "--stack", "prod", "--format", "json", ...args]);
      let report: JsonReport | undefined;
      try {
        report = JSON.parse(r.stdout) as JsonReport;
      } catch {
        report = undefined;
      }
      out.set(name, { code: r.code, report, stderr: r.stderr });
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return out;
}

let results: Awaited<ReturnType<typeof runAll>>;
beforeAll(async () => {
  results = await runAll(2);
}, 180_000);

test("the corpus has its programs", () => {
  expect(programs).toEqual(
    expect.arrayContaining([
      "ecs",
      "esm",
      "helm-release",
      "k8s-app",
      "lambda-callback",
      "preview",
      "refs",
      "stack-reference",
    ]),
  );
  if (PENDING.size > 0) {
    console.warn(`corpus: not yet in policies/pack.ts, set aside: ${[...PENDING].join(", ")}`);
  }
});

describe.each(programs)("%s", (name) => {
  const expected = (): Expected =>
    JSON.parse(fs.readFileSync(path.join(CORPUS, name, "expected.json"), "utf8")) as Expected;

  test("runs, and exits 1 exactly when a mandatory finding is expected", () => {
    const r = results.get(name);
    expect(r?.report).toBeDefined();
    const mandatory = expected().mandatory.filter(([p]) => !PENDING.has(p)).length;
    expect({ code: r?.code, stderr: r?.code === 2 ? r.stderr : "" }).toEqual({
      code: mandatory > 0 ? 1 : 0,
      stderr: "",
    });
  });

  test.each(["mandatory", "advisory"] as const)("exactly the expected %s findings", (level) => {
    const found = results.get(name)?.report?.violations ?? [];
    const { want, got } = keys(level, expected()[level], found);
    expect(got).toEqual(want);
  });
});
