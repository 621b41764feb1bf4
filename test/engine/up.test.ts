/**
 * Deterministic and idempotent under the real engine: `pulumi up --yes` with the
 * pack, then `pulumi preview --expect-no-changes`. Anything that diffs on the
 * second run (timestamps, unseeded random names, ordering) is a component bug.
 * Then drift: the stand-in provider's `read` returns a changed value (the
 * PAVED_ENGINE_DRIFT switch), and `pulumi preview --refresh --expect-no-changes`
 * reports it on the resource that drifted.
 */
import * as fs from "fs";
import * as path from "path";
import { POLICIES, REPO, packConfig, policyFindings, stepsByOp, workspace, Workspace } from "./harness";

describe.each(["web-service", "team-namespace", "shared-volume-cluster"])("pulumi up of %s", (example) => {
  let ws: Workspace;
  beforeAll(() => {
    ws = workspace(path.join(REPO, "examples", example), "dev");
  });
  afterAll(() => ws?.remove());

  it("deploys with the pack (prod levels) and a second preview finds no change", () => {
    const pack = ["--policy-pack", POLICIES, "--policy-pack-config", packConfig("prod")];
    const up = ws.pulumi(["up", "--yes", "--skip-preview", ...pack], { events: true });
    expect({ code: up.code, stderr: up.stderr }).toEqual({ code: 0, stderr: "" });
    expect(policyFindings(up.events).filter((f) => f.level === "mandatory")).toEqual([]);
    expect(Object.keys(stepsByOp(up.events))).toEqual(["create"]);

    const again = ws.pulumi(["preview", "--expect-no-changes", ...pack], { events: true });
    const changed = Object.entries(stepsByOp(again.events)).filter(([op]) => op !== "same");
    expect(changed).toEqual([]);
    expect(again.code).toBe(0);
  });

  it("sees drift on refresh and names the resource that drifted", () => {
    const state = JSON.parse(ws.pulumi(["stack", "export"]).stdout) as {
      deployment: { resources: { urn: string; type: string; custom?: boolean }[] };
    };
    const target = state.deployment.resources.find((r) => r.custom && !r.type.startsWith("pulumi:"));
    expect(target).toBeDefined();
    const name = target!.urn.slice(target!.urn.lastIndexOf("::") + 2);
    const driftFile = path.join(ws.dir, "..", "drift.json");
    fs.writeFileSync(driftFile, JSON.stringify({ [name]: { tags: { changedBy: "console" } } }));

    const refreshed = ws.pulumi(["preview", "--refresh", "--expect-no-changes"], {
      events: true,
      env: { PAVED_ENGINE_DRIFT: driftFile },
    });
    expect(refreshed.code).not.toBe(0);
    const updated = [
      ...(stepsByOp(refreshed.events).update ?? []),
      ...(stepsByOp(refreshed.events).refresh ?? []),
    ];
    expect(updated).toContain(target!.urn);
  });
});
