/**
 * `pulumi preview --policy-pack ./policies` under the real engine, for every
 * example and for the platform program's stacks: the examples pass with no
 * mandatory violation, `examples/blocked` fails with exactly the findings
 * `paved check` reports, and the engine registers exactly the URNs `paved check`
 * records (the mock engine is a mirror; this is where it is held to the real one).
 */
import * as fs from "fs";
import * as path from "path";
import {
  CliResult,
  POLICIES,
  REPO,
  packConfig,
  pavedCheck,
  policyFindings,
  registeredParents,
  registeredUrns,
  workspace,
  Workspace,
} from "./harness";

const EXAMPLES = ["web-service", "team-namespace", "shared-volume-cluster"];

interface Program {
  readonly name: string;
  readonly source: string;
  readonly stack: "dev" | "staging" | "prod";
  /** For the root program: the files it needs beside Pulumi.yaml. */
  readonly extra?: (dir: string) => void;
}

/** The platform program lives at the repo root; copy what it reads, link the components. */
function platformProgram(stack: "dev" | "staging" | "prod"): Program {
  return {
    name: `stacks/${stack}`,
    source: path.join(REPO, "stacks"),
    stack,
    extra: (dir) => {
      // `dir` holds stacks/'s files; lay it out as the repo does: Pulumi.yaml at the root, config in stacks/.
      const stacks = path.join(dir, "stacks");
      fs.mkdirSync(stacks);
      for (const f of fs.readdirSync(dir)) {
        if (f.startsWith("Pulumi.") || f.endsWith(".yaml"))
          fs.renameSync(path.join(dir, f), path.join(stacks, f));
      }
      for (const f of ["Pulumi.yaml", "index.ts", "tsconfig.json", "package.json"]) {
        fs.copyFileSync(path.join(REPO, f), path.join(dir, f));
      }
      fs.symlinkSync(path.join(REPO, "components"), path.join(dir, "components"));
    },
  };
}

const PROGRAMS: Program[] = [
  ...EXAMPLES.map((name) => ({ name, source: path.join(REPO, "examples", name), stack: "dev" as const })),
  platformProgram("dev"),
  platformProgram("staging"),
  platformProgram("prod"),
];

function mandatory(r: CliResult) {
  return policyFindings(r.events).filter((f) => f.level === "mandatory");
}

describe.each(PROGRAMS)("real preview of $name ($stack)", (program) => {
  let ws: Workspace;
  let preview: CliResult;
  const stage = program.name.startsWith("stacks/") ? program.stack : "prod";

  beforeAll(() => {
    ws = workspace(program.source, program.stack, { extra: program.extra });
    preview = ws.pulumi(["preview", "--policy-pack", POLICIES, "--policy-pack-config", packConfig(stage)], {
      events: true,
    });
  });
  afterAll(() => ws?.remove());

  it(`passes the pack at the ${stage} levels with 0 mandatory violations`, () => {
    expect(mandatory(preview)).toEqual([]);
    expect({ code: preview.code, stderr: preview.stderr }).toEqual({ code: 0, stderr: "" });
  });

  it("registers exactly the URNs paved check records, each under the same parent", () => {
    const check = pavedCheck(ws.dir, [
      "--stack",
      program.stack,
      "--preview",
      "--policy-config",
      packConfig(stage),
    ]);
    expect(registeredUrns(preview.events)).toEqual(check.resources.map((r) => r.urn).sort());
    const parents = registeredParents(preview.events);
    expect(Object.values(parents).filter((p) => p === undefined)).toEqual([]);
    expect(Object.fromEntries(check.resources.map((r) => [r.urn, r.parent]))).toEqual(parents);
  });
});

describe("a program that exports an async function", () => {
  let ws: Workspace;
  beforeAll(() => {
    ws = workspace(path.join(__dirname, "fixtures", "export-function"), "dev");
  });
  afterAll(() => ws?.remove());

  it("is run by paved check as by the engine: the same URNs and the same mandatory findings", () => {
    const preview = ws.pulumi(
      ["preview", "--policy-pack", POLICIES, "--policy-pack-config", packConfig("prod")],
      {
        events: true,
      },
    );
    const check = pavedCheck(ws.dir, ["--preview", "--policy-config", packConfig("prod")]);
    const urns = registeredUrns(preview.events);
    expect(urns.length).toBeGreaterThan(2);
    expect(urns).toEqual(check.resources.map((r) => r.urn).sort());
    const key = (f: { policy: string; urn: string }) => `${f.policy} ${f.urn}`;
    const engine = mandatory(preview).map(key).sort();
    expect(engine).toContain(
      "aws-sg-no-public-admin-ingress urn:pulumi:dev::export-function::aws:ec2/securityGroup:SecurityGroup::worker-sg",
    );
    expect(engine).toEqual(
      check.violations
        .filter((v) => v.level === "mandatory")
        .map(key)
        .sort(),
    );
  });
});

describe("examples/blocked under the real engine", () => {
  let ws: Workspace;
  beforeAll(() => {
    ws = workspace(path.join(REPO, "examples", "blocked"), "dev");
  });
  afterAll(() => ws?.remove());

  it.each(["dev", "prod"] as const)(
    "fails at the %s levels with exactly the mandatory findings paved check reports",
    (stage) => {
      const preview = ws.pulumi(
        ["preview", "--policy-pack", POLICIES, "--policy-pack-config", packConfig(stage)],
        {
          events: true,
        },
      );
      const check = pavedCheck(ws.dir, ["--preview", "--policy-config", packConfig(stage)]);
      const key = (f: { policy: string; urn: string }) => `${f.policy} ${f.urn}`;
      const engine = mandatory(preview).map(key).sort();
      expect(engine).toEqual(
        check.violations
          .filter((v) => v.level === "mandatory")
          .map(key)
          .sort(),
      );
      // The engine refuses the preview exactly when something is mandatory.
      expect(preview.code !== 0).toBe(engine.length > 0);
      if (stage === "prod") expect(engine.length).toBeGreaterThan(0);
    },
  );
});
