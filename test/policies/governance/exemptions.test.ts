/**
 * Exemptions end to end, through the SDK's handlers: a matching exemption
 * turns a violation into an advisory note naming its ticket; an expired one
 * exempts nothing; the ledger policy reports malformed and expired entries
 * and lists the exemptions used.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ebsVolumeEncrypted } from "../../../policies/aws/ebs-volume-encrypted";
import { vpcFlowLogsEnabled } from "../../../policies/aws/vpc-flow-logs-enabled";
import { exemptionLedger } from "../../../policies/governance/exemptions";
import { resetExemptionCache } from "../../../policies/lib/exemptions";
import { describePolicyTable, runPolicy, runStackPolicy, urnOf } from "../harness";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "paved-exemptions-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
function file(entries: unknown[]): string {
  const p = path.join(dir, `ex-${n++}.json`);
  fs.writeFileSync(p, JSON.stringify({ exemptions: entries }));
  return p;
}
beforeEach(() => resetExemptionCache());

const VOLUME = "aws:ebs/volume:Volume";
const bad = { type: VOLUME, name: "scratch", props: { availabilityZone: "us-east-1a" } };
const base = {
  policy: "aws-ebs-volume-encrypted",
  owner: "team-data",
  ticket: "SEC-12",
  reason: "scratch disk",
  expires: "2099-12-31",
};

describe("a finding covered by an exemption", () => {
  test("from the shared file: reported as advisory, naming ticket, owner, expiry and reason", async () => {
    const vs = await runPolicy(ebsVolumeEncrypted, bad, {
      exemptionsFile: file([{ ...base, urn: urnOf(VOLUME, "scratch") }]),
    });
    expect(vs).toEqual([expect.objectContaining({ enforcementLevel: "advisory" })]);
    expect(vs[0].message).toMatch(/exempted by SEC-12, owner team-data, until 2099-12-31: scratch disk/);
  });

  test("by type or by name pattern", async () => {
    for (const selector of [{ type: VOLUME }, { namePattern: "scr*" }]) {
      resetExemptionCache();
      const vs = await runPolicy(ebsVolumeEncrypted, bad, {
        exemptionsFile: file([{ ...base, ...selector }]),
      });
      expect(vs.map((v) => v.enforcementLevel)).toEqual(["advisory"]);
    }
  });

  test("from the policy's own pack config", async () => {
    const { policy: _p, ...entry } = base;
    const vs = await runPolicy(ebsVolumeEncrypted, bad, {
      config: { exemptions: [{ ...entry, namePattern: "scratch" }] },
    });
    expect(vs.map((v) => v.enforcementLevel)).toEqual(["advisory"]);
  });

  test("an exemption for another policy or resource changes nothing", async () => {
    const vs = await runPolicy(ebsVolumeEncrypted, bad, {
      exemptionsFile: file([
        { ...base, policy: "aws-rds-not-public", type: VOLUME },
        { ...base, namePattern: "other-*" },
      ]),
    });
    expect(vs.map((v) => v.enforcementLevel)).toEqual(["mandatory"]);
  });

  test("an expired exemption exempts nothing and says so", async () => {
    const vs = await runPolicy(ebsVolumeEncrypted, bad, {
      exemptionsFile: file([{ ...base, type: VOLUME, expires: "2020-01-31" }]),
    });
    expect(vs).toEqual([expect.objectContaining({ enforcementLevel: "mandatory" })]);
    expect(vs[0].message).toMatch(/exemption SEC-12 expired on 2020-01-31/);
  });

  test("a malformed exemption (no owner) exempts nothing", async () => {
    const { owner: _o, ...noOwner } = base;
    const vs = await runPolicy(ebsVolumeEncrypted, bad, {
      exemptionsFile: file([{ ...noOwner, type: VOLUME }]),
    });
    expect(vs.map((v) => v.enforcementLevel)).toEqual(["mandatory"]);
  });
});

test("a stack policy's finding is matched on the URN it blames (type and name read from the URN)", async () => {
  const vpc = { type: "aws:ec2/vpc:Vpc", name: "sandbox-vpc", props: {}, parentTypes: ["acme:Sandbox"] };
  const f = file([{ ...base, policy: "aws-vpc-flow-logs-enabled", namePattern: "sandbox-*" }]);
  const vs = await runStackPolicy(vpcFlowLogsEnabled, [vpc, { ...vpc, name: "prod-vpc" }], {
    exemptionsFile: f,
  });
  expect(vs.map((v) => [v.enforcementLevel, v.urn])).toEqual([
    ["advisory", urnOf("aws:ec2/vpc:Vpc", "sandbox-vpc", ["acme:Sandbox"])],
    ["mandatory", urnOf("aws:ec2/vpc:Vpc", "prod-vpc", ["acme:Sandbox"])],
  ]);
});

describe("the exemption ledger", () => {
  test("lists every exemption used in the run as an advisory note", async () => {
    const f = file([{ ...base, type: VOLUME }]);
    await runPolicy(ebsVolumeEncrypted, bad, { exemptionsFile: f });
    await runPolicy(ebsVolumeEncrypted, { ...bad, name: "scratch-2" }, { exemptionsFile: f });
    const vs = await runStackPolicy(exemptionLedger, [], { exemptionsFile: f });
    expect(vs).toEqual([expect.objectContaining({ enforcementLevel: "advisory" })]);
    expect(vs[0].message).toMatch(
      /SEC-12 \(owner team-data, until 2099-12-31\) waived 2 finding\(s\) of aws-ebs-volume-encrypted on .*scratch, .*scratch-2/,
    );
  });

  test("cannot itself be exempted from", async () => {
    const f = file([
      { ...base, type: VOLUME, expires: "2020-01-01" },
      { ...base, policy: "paved-exemptions", namePattern: "*" },
    ]);
    const vs = await runStackPolicy(exemptionLedger, [], { exemptionsFile: f });
    expect(vs.map((v) => v.enforcementLevel)).toEqual(["mandatory"]);
  });

  describePolicyTable(exemptionLedger, {
    base: [],
    options: { exemptionsFile: file([{ ...base, type: VOLUME }]) },
    pass: [{ name: "no exemptions file at all", options: { exemptionsFile: undefined } }],
    fail: [
      {
        name: "an expired entry",
        options: { exemptionsFile: file([{ ...base, type: VOLUME, expires: "2020-01-01" }]) },
        expect: /#0 \(SEC-12, owner team-data\) from aws-ebs-volume-encrypted expired on 2020-01-01/,
        count: 1,
      },
      {
        name: "an entry without a ticket",
        options: { exemptionsFile: file([{ ...base, type: VOLUME, ticket: undefined }]) },
        expect: /#0 is refused: is missing ticket/,
        count: 1,
      },
      {
        name: "an unreadable file",
        options: { exemptionsFile: path.join(dir, "missing.yaml") },
        expect: /missing\.yaml is refused: cannot be read/,
      },
    ],
    unknown: [
      {
        name: "stack resources with unknowns do not matter",
        stack: () => [{ type: VOLUME, props: { encrypted: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" } }],
      },
    ],
  });
});
