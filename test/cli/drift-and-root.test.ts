/** The CLI entry wires `paved drift` (the release helper's command) and checks the reference program. */
import { paved } from "./run-cli";

describe("paved drift (routed to cli/drift.ts)", () => {
  test("the exit code and output come from the drift command", async () => {
    const r = await paved([
      "drift",
      "stacks/Pulumi.staging.yaml",
      "stacks/Pulumi.prod.yaml",
      "--format",
      "json",
    ]);
    expect([0, 1]).toContain(r.code);
    expect(JSON.parse(r.stdout)).toHaveProperty("unexpected");
  });

  test("a usage error exits 2", async () => {
    const r = await paved(["drift", "stacks/Pulumi.staging.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^paved drift: expected two stack files, got 1/);
  });
});

describe.each(["dev", "staging", "prod"])("the reference platform program, stack %s", (stack) => {
  test("passes paved check with the stack's own pack config (stackConfigDir: stacks)", async () => {
    const r = await paved(["check", ".", "--stack", stack, "--format", "json"]);
    const report = JSON.parse(r.stdout) as { violations: { level: string }[]; target: { stack: string } };
    expect(report.target.stack).toBe(stack);
    expect(report.violations.filter((v) => v.level === "mandatory")).toEqual([]);
    expect(r.code).toBe(0);
  });
});
