/**
 * The CLI entry wires `paved drift` (the release helper's command). The reference platform
 * program's check in each stack is in test/examples.test.ts.
 */
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
