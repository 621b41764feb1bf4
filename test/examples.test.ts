/**
 * Every example, and the root platform program in each of its stacks, checked once by
 * `paved check --format json` (the CLI, driven in-process: test/cli/run-cli.ts; the program in a
 * child process of its own). From that one run:
 *
 * 1. the sorted URN list (the report's resources, and the stack they hang from) matches the
 *    snapshot. A changed URN means a resource would be replaced (or deleted) in every stack built
 *    from the program: update the snapshot only when that is intended, and say so in a changeset
 *    (docs/versioning.md);
 * 2. no mandatory violation and nothing on stderr, except `blocked`, which must be blocked by the
 *    policies its README promises, each on the resource that makes the mistake.
 *
 * EXAMPLES must name every directory under examples/ that holds a Pulumi project (a test
 * fails otherwise), so a new example is checked here as soon as it is added.
 *
 * The examples import "paved" as an app team does; with no `paved` installed
 * beside them, the CLI resolves that name to its own package (cli/engine/loader.ts):
 * here, this checkout's sources.
 */
import * as fs from "fs";
import * as path from "path";
import { parse as parseYaml } from "yaml";
import { CliResult, paved } from "./cli/run-cli";

const ROOT = path.resolve(__dirname, "..");
const EXAMPLES = ["web-service", "shared-volume-cluster", "team-namespace", "blocked"] as const;

interface Program {
  /** The snapshot's name. */
  readonly id: string;
  /** The project directory, relative to the repository root. */
  readonly dir: string;
  readonly stack: string;
}

test("EXAMPLES names every Pulumi project under examples/", () => {
  const projects = fs
    .readdirSync(path.join(ROOT, "examples"))
    .filter((n) => fs.existsSync(path.join(ROOT, "examples", n, "Pulumi.yaml")))
    .sort();
  expect([...EXAMPLES].sort()).toEqual(projects);
});

const PROGRAMS: readonly Program[] = [
  ...EXAMPLES.map((e) => ({ id: `examples/${e}`, dir: `examples/${e}`, stack: "dev" })),
  ...["dev", "staging", "prod"].map((stack) => ({ id: `platform (${stack})`, dir: ".", stack })),
];

interface CheckReport {
  violations: { policy: string; level: string; severity: string; urn: string; message: string }[];
  target: { project: string; stack: string };
  /** Every resource checked (the stack excluded), with its parent's URN. */
  resources: { urn: string; type: string; name: string; parent?: string }[];
  /** What the check read: the policy config and where it came from, the exemptions. */
  inputs: string[];
}

/** Runs jobs two at a time (CI has two cores). */
async function pool<T, R>(items: readonly T[], job: (t: T) => Promise<R>, width = 2): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await job(items[i]);
      }
    }),
  );
  return out;
}

const checks = new Map<string, CliResult>();

beforeAll(async () => {
  const results = await pool(PROGRAMS, (p) =>
    paved(["check", p.dir, "--stack", p.stack, "--format", "json"]),
  );
  PROGRAMS.forEach((p, i) => checks.set(p.id, results[i]));
}, 300_000);

const report = (id: string): CheckReport => {
  const r = checks.get(id)!;
  try {
    return JSON.parse(r.stdout) as CheckReport;
  } catch {
    throw new Error(`paved check ${id} printed no JSON report (exit ${r.code}): ${r.stderr}`);
  }
};

/** The parents that are not themselves checked resources: the stack alone, when nothing is orphaned. */
function outsideParents(resources: CheckReport["resources"]): (string | undefined)[] {
  const urns = new Set(resources.map((r) => r.urn));
  return [...new Set(resources.map((r) => r.parent).filter((p) => p === undefined || !urns.has(p)))];
}

describe.each(PROGRAMS.map((p) => p.id))("%s under the mock engine", (id) => {
  test("registers the same URNs as the snapshot (no unintended replacement)", () => {
    const resources = report(id).resources;
    const urns = [...resources.map((r) => r.urn), ...outsideParents(resources).map(String)].sort();
    expect(urns).toMatchSnapshot();
  });

  test("puts every cloud resource inside a component or the stack, with a unique URN", () => {
    const { resources, target } = report(id);
    const urns = resources.map((r) => r.urn);
    expect(new Set(urns).size).toBe(urns.length);
    const { project, stack } = target;
    expect(outsideParents(resources)).toEqual([
      `urn:pulumi:${stack}::${project}::pulumi:pulumi:Stack::${project}-${stack}`,
    ]);
  });
});

test.each(["dev", "staging", "prod"])(
  "the platform program, stack %s: its config from stacks/ (stackConfigDir), checked with that stack's pack config",
  (stack) => {
    const { target, inputs } = report(`platform (${stack})`);
    expect(target.stack).toBe(stack);
    // paved:policyConfig is set in stacks/Pulumi.<stack>.yaml only: found there, it names the stack's pack config.
    expect(inputs[0]).toMatch(
      new RegExp(`^policy config: policies/config/${stack}\\.json \\(paved:policyConfig, sha256 `),
    );
  },
);

test("the platform program's stacks differ as their config says: NAT per AZ only in prod", () => {
  const natCount = (stack: string) =>
    report(`platform (${stack})`).resources.filter((r) => r.type === "aws:ec2/natGateway:NatGateway").length;
  expect([natCount("dev"), natCount("staging"), natCount("prod")]).toEqual([1, 1, 3]);
});

/** What `blocked` must be blocked by: the policy and the resource (URN suffix) it names. */
const BLOCKED_BY = [
  { policy: "aws-sg-no-public-admin-ingress", urn: "aws:ec2/securityGroup:SecurityGroup::bastion" },
  { policy: "aws-iam-no-wildcard-action", urn: "aws:iam/rolePolicy:RolePolicy::app-everything" },
  { policy: "aws-ebs-volume-encrypted", urn: "aws:ebs/volume:Volume::data" },
  { policy: "k8s-no-privileged", urn: "kubernetes:apps/v1:Deployment::debug" },
  { policy: "aws-s3-no-public-acl", urn: "aws:s3/bucketAcl:BucketAcl::reports" },
  { policy: "aws-s3-bucket-public-access-block", urn: "aws:s3/bucket:Bucket::reports" },
  { policy: "aws-ec2-imdsv2-required", urn: "aws:ec2/instance:Instance::worker" },
  {
    policy: "k8s-rbac-no-wildcards",
    urn: "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole::ops-everything",
  },
] as const;

describe("paved check on every example and every stack of the platform program", () => {
  test.each(PROGRAMS.filter((p) => p.id !== "examples/blocked").map((p) => p.id))(
    "%s: exit 0, no mandatory violation",
    (id) => {
      const mandatory = report(id).violations.filter((v) => v.level === "mandatory");
      expect(mandatory.map((v) => `${v.policy} ${v.urn}: ${v.message}`)).toEqual([]);
      expect(checks.get(id)!.stderr).toBe("");
      expect(checks.get(id)!.code).toBe(0);
    },
  );

  test("blocked: exit 1, blocked by each policy its README shows, on the resource at fault", () => {
    const mandatory = report("examples/blocked").violations.filter((v) => v.level === "mandatory");
    for (const expected of BLOCKED_BY) {
      expect(mandatory).toContainEqual(
        expect.objectContaining({
          policy: expected.policy,
          urn: expect.stringMatching(new RegExp(`${escape(expected.urn)}$`)),
        }),
      );
    }
    expect(checks.get("examples/blocked")!.code).toBe(1);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\$]/g, "\\$&");
}

describe.each(EXAMPLES)("examples/%s as a template", (example) => {
  const dir = path.join(ROOT, "examples", example);
  const read = (file: string) => fs.readFileSync(path.join(dir, file), "utf8");
  const manifest = parseYaml(read("Pulumi.yaml")) as {
    name: string;
    runtime: { name: string };
    template?: { description?: string; config?: Record<string, { description?: string }> };
  };
  const devConfig = (parseYaml(read("Pulumi.dev.yaml")) as { config: Record<string, unknown> }).config;
  const program = read("index.ts");
  /** The namespace of the program's own settings: `new pulumi.Config("app")`. */
  const namespace = /new pulumi\.Config\("([\w-]+)"\)/.exec(program)?.[1];
  /** Keys the program reads from that namespace with config.require/get. */
  const programKeys = [
    ...program.matchAll(/config\.(?:require|get)(?:Number|Boolean|Object)?\("(\w+)"\)/g),
  ].map((m) => `${namespace}:${m[1]}`);

  test("reads its own settings under app:, which survives `pulumi new` renaming the project", () => {
    expect(namespace).toBe("app");
  });

  test("is a nodejs project named after its directory, with a template description", () => {
    expect(manifest.name).toBe(example);
    expect(manifest.runtime.name).toBe("nodejs");
    expect(manifest.template?.description).toBeTruthy();
  });

  test("prompts for every governance key and every key the program reads, each with a description", () => {
    const prompts = manifest.template?.config ?? {};
    expect(programKeys.length).toBeGreaterThan(0);
    const required = [
      "paved:appId",
      "paved:owner",
      "paved:costCenter",
      "paved:dataClassification",
      "paved:environment",
    ];
    for (const key of [...required, ...programKeys]) {
      expect(`${key}: ${prompts[key]?.description ? "described" : "missing"}`).toBe(`${key}: described`);
    }
  });

  test("its dev stack sets every prompted key, so paved check runs with no setup", () => {
    const prompted = Object.keys(manifest.template?.config ?? {}).filter((k) => k !== "paved:policyConfig");
    expect(prompted.filter((k) => !(k in devConfig))).toEqual([]);
  });

  test("its README shows paved check and the Pulumi CLI commands with the policy pack", () => {
    const readme = read("README.md");
    expect(readme).toContain("npx paved check");
    expect(readme).toContain("pulumi preview --policy-pack ../../policies");
    expect(readme).toMatch(new RegExp(`paved check: ${example} \\(stack dev\\)`));
  });
});

test("blocked's README names every policy that blocks it", () => {
  const readme = fs.readFileSync(path.join(ROOT, "examples", "blocked", "README.md"), "utf8");
  for (const { policy } of BLOCKED_BY) expect(readme).toContain(policy);
});
