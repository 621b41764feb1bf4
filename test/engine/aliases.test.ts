/**
 * URNs survive a refactor under the real engine: a program deployed at step 1
 * is refactored at step 2 (Paved components moved under a component of the
 * team's own, a raw resource renamed), keeping every URN with `aliases`, as
 * docs/versioning.md promises. `pulumi preview` then plans no replacement, no
 * delete and no create but the new grouping component.
 */
import * as path from "path";
import { stepsByOp, workspace, Workspace } from "./harness";

describe("a refactor with aliases", () => {
  let ws: Workspace;
  beforeAll(() => {
    ws = workspace(path.join(__dirname, "fixtures", "refactor"), "dev");
  });
  afterAll(() => ws?.remove());

  it("replaces nothing when components move under a new parent and a resource is renamed", () => {
    const up = ws.pulumi(["up", "--yes", "--skip-preview"], { events: true });
    expect({ code: up.code, stderr: up.stderr }).toEqual({ code: 0, stderr: "" });
    expect((stepsByOp(up.events).create ?? []).length).toBeGreaterThan(20);

    expect(ws.pulumi(["config", "set", "refactor:step", "2"]).code).toBe(0);
    const preview = ws.pulumi(["preview"], { events: true });
    expect(preview.code).toBe(0);
    const steps = stepsByOp(preview.events);
    for (const op of ["replace", "create-replacement", "delete-replaced", "delete"])
      expect(steps[op] ?? []).toEqual([]);
    expect(steps.create ?? []).toEqual(["urn:pulumi:dev::refactor::acme:platform:Platform::platform"]);
    // The moved and renamed resources are found under their new URNs, as the same resources.
    const same = steps.same ?? [];
    expect(same).toContain(
      "urn:pulumi:dev::refactor::acme:platform:Platform$paved:aws:SegmentedNetwork::core",
    );
    expect(same).toContain("urn:pulumi:dev::refactor::aws:cloudwatch/logGroup:LogGroup::app-log-group");
  });
});
