/**
 * The component and the pack agree, end to end: LeastPrivilegeRole built under
 * the mock engine, its resources run through `aws-iam-no-wildcard-action`
 * (both analyzer paths, test/policies/harness.ts). A justified wildcard the
 * component accepts is an advisory note naming owner and ticket; the same
 * statement on a raw policy or under a look-alike component is a violation.
 */
import { DEV_GOVERNANCE, settle, useMocks, valueOf } from "../../../helpers/pulumi";
const BOUNDARY = "arn:aws:iam::123456789012:policy/paved-boundary";
const records = useMocks({ config: { ...DEV_GOVERNANCE, "paved:permissionsBoundaryArn": BOUNDARY } });
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { LeastPrivilegeRole, LeastPrivilegeRoleArgs } from "../../../../components/aws/iam";
import { iamNoWildcardAction } from "../../../../policies/aws/iam/no-wildcard-action";
import type { RecordedResource } from "../../../helpers/pulumi";
import { Fixture, runStackPolicy } from "../../harness";

const BUCKET = "arn:aws:s3:::payments-migration/*";
const JUSTIFIED: LeastPrivilegeRoleArgs = {
  trust: { service: "ec2.amazonaws.com" },
  statements: [
    { actions: ["s3:GetObject"], resources: ["arn:aws:s3:::payments-data/*"] },
    {
      actions: ["s3:*"],
      resources: [BUCKET],
      justification: "the migration tool copies every object kind, ACLs and tags included",
      ticket: "CHG-4242",
    },
  ],
};

/** Everything recorded under `urn` (itself included), as analyzer fixtures. */
function stackOf(urn: string): Fixture[] {
  const inside = new Set([urn]);
  const out: RecordedResource[] = [];
  for (const r of records) {
    if (r.urn === urn || inside.has(r.parent)) {
      inside.add(r.urn);
      out.push(r);
    }
  }
  return out.map((r) => ({
    type: r.type,
    name: r.name,
    urn: r.urn,
    props: r.inputs,
    parent: r.parent || undefined,
    dependencies: r.dependencies,
  }));
}

async function built(name: string, args: LeastPrivilegeRoleArgs): Promise<Fixture[]> {
  const role = new LeastPrivilegeRole(name, args);
  await settle();
  return stackOf(await valueOf(role.urn));
}

/** A user's component that declares a type of its own and copies the role and policy. */
class LookAlike extends pulumi.ComponentResource {
  constructor(type: string, name: string, tags: Record<string, string>, policy: string) {
    super(type, name, {}, {});
    const role = new aws.iam.Role(
      name,
      { assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [] }), tags },
      { parent: this },
    );
    new aws.iam.RolePolicy(`${name}-policy`, { role: role.name, policy }, { parent: this });
    this.registerOutputs({});
  }
}

describe("LeastPrivilegeRole and aws-iam-no-wildcard-action agree", () => {
  let genuine: Fixture[];
  beforeAll(async () => {
    genuine = await built("migrator", JUSTIFIED);
  });
  const policyOf = (stack: Fixture[]) => stack.find((f) => f.type === "aws:iam/rolePolicy:RolePolicy")!;
  const roleOf = (stack: Fixture[]) => stack.find((f) => f.type === "aws:iam/role:Role")!;

  test("the component carries the justification: a Sid on the statement, tags on the role", () => {
    const doc = JSON.parse(policyOf(genuine).props.policy as string);
    const sid = doc.Statement[1].Sid as string;
    expect(sid).toMatch(/^PavedJustified[0-9a-f]{8}$/);
    expect(doc.Statement[0].Sid).toBeUndefined();
    const tags = roleOf(genuine).props.tags as Record<string, string>;
    expect(tags[`paved:justification:${sid}`]).toBe(
      "the migration tool copies every object kind ACLs and tags included",
    );
    expect(tags[`paved:justification-ticket:${sid}`]).toBe("CHG-4242");
    expect(tags.owner).toBe("team-payments");
  });

  test("the genuine component passes, with an advisory note naming owner and ticket", async () => {
    const vs = await runStackPolicy(iamNoWildcardAction, genuine);
    expect(vs).toHaveLength(1);
    expect(vs[0].enforcementLevel).toBe("advisory");
    expect(vs[0].message).toMatch(
      /wildcard action "s3:\*", accepted as justified by LeastPrivilegeRole role "migrator" \(owner team-payments, ticket CHG-4242\): the migration tool/,
    );
  });

  test("the stack's change ticket is the default ticket", async () => {
    const { setConfig } = await import("../../../helpers/pulumi");
    setConfig({ ...DEV_GOVERNANCE, "paved:permissionsBoundaryArn": BOUNDARY, "paved:changeTicket": "CHG-7" });
    try {
      const stack = await built("migrator2", {
        ...JUSTIFIED,
        statements: [
          {
            actions: ["dynamodb:*"],
            resources: ["arn:aws:dynamodb:us-east-1:123456789012:table/t"],
            justification: "table migration needs every item API",
          },
        ],
      });
      const vs = await runStackPolicy(iamNoWildcardAction, stack);
      expect(vs.map((v) => v.enforcementLevel)).toEqual(["advisory"]);
      expect(vs[0].message).toMatch(/ticket CHG-7/);
    } finally {
      setConfig({ ...DEV_GOVERNANCE, "paved:permissionsBoundaryArn": BOUNDARY });
    }
  });

  test("the same policy on a raw RolePolicy is a violation", async () => {
    const policy = policyOf(genuine);
    const raw: Fixture = {
      type: policy.type,
      name: "raw",
      props: policy.props,
    };
    const vs = await runStackPolicy(iamNoWildcardAction, [raw]);
    expect(vs.map((v) => v.enforcementLevel)).toEqual(["mandatory"]);
    expect(vs[0].message).toMatch(/wildcard action "s3:\*"/);
  });

  test.each([
    ["a look-alike type token", "paved:x:LeastPrivilegeRole", true],
    ["Paved's own token without the stamp", "paved:aws:LeastPrivilegeRole", false],
  ])("%s is a violation even with the justification tags copied", async (_, type, stamp) => {
    const tags = { ...(roleOf(genuine).props.tags as Record<string, string>) };
    if (!stamp) {
      delete tags["paved:pattern"];
      delete tags["paved:version"];
    }
    const fake = new LookAlike(
      type,
      `fake${stamp ? "a" : "b"}`,
      tags,
      policyOf(genuine).props.policy as string,
    );
    await settle();
    const vs = await runStackPolicy(iamNoWildcardAction, stackOf(await valueOf(fake.urn)));
    expect(vs.map((v) => v.enforcementLevel)).toEqual(["mandatory"]);
  });

  test("a role whose ticket tag was removed is not trusted", async () => {
    const stack = structuredClone(genuine);
    const tags = roleOf(stack).props.tags as Record<string, string>;
    for (const k of Object.keys(tags)) if (k.startsWith("paved:justification-ticket:")) delete tags[k];
    const vs = await runStackPolicy(iamNoWildcardAction, stack);
    expect(vs.map((v) => v.enforcementLevel)).toEqual(["mandatory"]);
  });

  test("the component refuses a justified wildcard without a ticket", () => {
    expect(
      () =>
        new LeastPrivilegeRole("noticket", {
          ...JUSTIFIED,
          statements: [{ actions: ["s3:*"], resources: [BUCKET], justification: "copies every object kind" }],
        }),
    ).toThrow(/statements\[0\]\.ticket is required with a justified wildcard action/);
  });
});
