/**
 * Every example under examples/ passes `paved check` with the bundled pack
 * (exit 0: no mandatory violation), except `blocked`, which exists to be
 * blocked (exit 1). Spawns the real CLI, as an app team's CI would.
 */
import * as fs from "fs";
import * as path from "path";
import { paved, ROOT } from "./run-cli";

const EXAMPLES = path.join(ROOT, "examples");
const names = fs
  .readdirSync(EXAMPLES)
  .filter((n) => fs.existsSync(path.join(EXAMPLES, n, "Pulumi.yaml")))
  .sort();

interface JsonReport {
  violations: { policy: string; level: string; urn: string; message: string }[];
  summary: { mandatory: number; passed: boolean };
}

test("the examples are there", () => {
  expect(names).toEqual(expect.arrayContaining(["blocked", "web-service"]));
});

describe.each(names.filter((n) => n !== "blocked"))("examples/%s", (name) => {
  test("passes paved check (exit 0, no mandatory violation)", async () => {
    const r = await paved(["check", `examples/${name}`, "--format", "json"]);
    expect(r.stderr).toBe("");
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.violations.filter((v) => v.level === "mandatory")).toEqual([]);
    expect(r.code).toBe(0);
  });
});

test("examples/blocked is blocked (exit 1) by the mistakes it was written with", async () => {
  const r = await paved(["check", "examples/blocked", "--format", "json"]);
  expect(r.code).toBe(1);
  const report = JSON.parse(r.stdout) as JsonReport;
  expect(report.summary.passed).toBe(false);
  expect(report.summary.mandatory).toBeGreaterThan(0);
});
