/**
 * The test suite is split across three jest configurations: `npm test` (jest.config.js, two
 * projects), `npm run test:release` (jest.release.config.js) and `npm run test:engine`
 * (jest.engine.config.js). These tests hold that every test file runs in exactly one of them, that
 * the shared-modules project holds the policy tests (less those that need isolation), and that CI
 * runs every one of those commands. A file that falls between the patterns would otherwise never
 * run, and nothing would say so.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");
const JEST = require.resolve("jest/bin/jest");

/** The test files jest finds with a configuration, relative to the root, sorted. */
function listTests(config: string, ...args: string[]): string[] {
  const out = execFileSync(process.execPath, [JEST, "-c", config, "--listTests", ...args], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return out
    .split("\n")
    .filter((l) => l.endsWith(".ts"))
    .map((l) => path.relative(ROOT, l).split(path.sep).join("/"))
    .sort();
}

/** Every `*.test.ts` under test/, relative to the root, sorted. */
function testFiles(dir = path.join(ROOT, "test")): string[] {
  const found: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && e.name !== "fixtures" && e.name !== "node_modules") found.push(...testFiles(p));
    else if (e.isFile() && e.name.endsWith(".test.ts"))
      found.push(path.relative(ROOT, p).split(path.sep).join("/"));
  }
  return found.sort();
}

const files = testFiles();
// npm test's files are its two projects' (and nothing else: the second test checks).
const isolated = listTests("jest.config.js", "--selectProjects", "isolated");
const shared = listTests("jest.config.js", "--selectProjects", "shared-modules");
const listed = {
  "npm test": [...isolated, ...shared].sort(),
  "npm run test:release": listTests("jest.release.config.js"),
  "npm run test:engine": listTests("jest.engine.config.js"),
};

test("every test file under test/ runs in exactly one of npm test, test:release and test:engine", () => {
  const runs = new Map<string, string[]>();
  for (const [command, found] of Object.entries(listed)) {
    for (const f of found) runs.set(f, [...(runs.get(f) ?? []), command]);
  }
  expect(files.length).toBeGreaterThan(200);
  expect(files.filter((f) => !runs.has(f))).toEqual([]);
  expect([...runs].filter(([, commands]) => commands.length > 1)).toEqual([]);
  expect([...runs.keys()].filter((f) => !files.includes(f))).toEqual([]);
});

test("npm test leaves out only the release and real-engine tests", () => {
  expect(listed["npm run test:release"]).toEqual(
    expect.arrayContaining(["test/release/pack.test.ts", "test/release/versions.test.ts"]),
  );
  expect(listed["npm run test:release"].every((f) => f.startsWith("test/release/"))).toBe(true);
  expect(listed["npm run test:engine"].length).toBeGreaterThan(0);
  expect(listed["npm run test:engine"].every((f) => f.startsWith("test/engine/"))).toBe(true);
  expect(listed["npm test"].filter((f) => /^test\/(release|engine)\//.test(f))).toEqual([]);
  // What `npx jest` runs with no project selected is the two projects' files.
  expect(listTests("jest.config.js")).toEqual(listed["npm test"]);
});

test("the shared-modules project runs the policy tests but those that need isolation", () => {
  const inPolicies = (f: string) => f.startsWith("test/policies/");
  const isolatedPolicies = isolated.filter(inPolicies);
  expect(shared.length).toBeGreaterThan(100);
  expect(shared.every(inPolicies)).toBe(true);
  expect(isolatedPolicies).toEqual([
    "test/policies/inprocess.test.ts",
    "test/policies/lib/k8s-api-validators.test.ts",
  ]);
  expect([...shared, ...isolatedPolicies].sort()).toEqual(files.filter(inPolicies));
});

test("package.json's scripts run each configuration, and CI runs each script and lint", () => {
  const scripts = (
    JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    }
  ).scripts;
  expect(scripts.test).toMatch(/\btypecheck\b.*\bjest\b/);
  expect(scripts.jest).toBe("jest");
  expect(scripts["test:release"]).toBe("jest -c jest.release.config.js");
  expect(scripts["test:engine"]).toBe("jest -c jest.engine.config.js");
  expect(scripts["test:all"]).toMatch(/\btest\b.*\blint\b.*\btest:release\b/);
  const ci = fs
    .readFileSync(path.join(ROOT, ".ci", "run"), "utf8")
    .split("\n")
    .filter((l) => !l.startsWith("#"));
  for (const step of ["npm test", "npm run lint", "npm run test:release", "npm run test:engine"]) {
    expect(ci).toContain(step);
  }
});
