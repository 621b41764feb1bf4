/** Policy config and exemptions files: every mistake is an input error (exit 2) naming the file, the key and the fix. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CONFIG_SOURCE, PackConfigError, reconcilePackConfig } from "../../cli/engine/analyzer-config";
import { checkExemptionsFile, readPolicyConfig } from "../../cli/commands/pack-options";
import { UsageError } from "../../cli/errors";
import { paved, state } from "./run-cli";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "paved-config-"));
function file(name: string, text: string): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, text);
  return f;
}

const POLICIES = [
  { name: "aws-ebs-volume-encrypted" },
  {
    name: "paved-required-tags",
    configSchema: {
      properties: {
        requiredTags: { type: "array", items: { type: "string" } },
        exemptions: { type: "array" },
      },
    },
  },
];

function problems(config: Record<string, unknown>): readonly string[] {
  try {
    reconcilePackConfig(POLICIES, config as never);
  } catch (e) {
    if (e instanceof PackConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe("policy config: what reconcile refuses, and how it says so", () => {
  test("an unknown policy suggests the closest name", () => {
    expect(problems({ "aws-ebs-volume-encryptd": "mandatory" })).toEqual([
      'aws-ebs-volume-encryptd: no such policy in the pack; did you mean "aws-ebs-volume-encrypted"?',
    ]);
  });

  test("a misspelt or non-string level", () => {
    expect(problems({ "aws-ebs-volume-encrypted": "mandatroy" })).toEqual([
      expect.stringMatching(/enforcementLevel "mandatroy" is not one of .*; did you mean "mandatory"\?$/),
    ]);
    for (const v of [1, true, null, { enforcementLevel: 2 }]) {
      expect(problems({ "aws-ebs-volume-encrypted": v })).toEqual([
        expect.stringMatching(/^aws-ebs-volume-encrypted: enforcementLevel .* is not a string; write one of/),
      ]);
    }
    expect(problems({ "aws-ebs-volume-encrypted": ["mandatory"] })).toEqual([
      expect.stringMatching(/must be a level \("mandatory"\) or an object/),
    ]);
  });

  test("an unknown setting is refused (the schema alone lets it through), with the closest setting", () => {
    expect(problems({ "paved-required-tags": { requiredTag: ["owner"] } })).toEqual([
      'paved-required-tags.requiredTag: no such setting; did you mean "requiredTags"? (settings: requiredTags, exemptions)',
    ]);
    expect(problems({ "aws-ebs-volume-encrypted": { enforcementLevel: "advisory", threshold: 1 } })).toEqual([
      expect.stringMatching(/^aws-ebs-volume-encrypted: takes no settings \(got threshold\)/),
    ]);
  });

  test("exemptions in a policy's config: impossible dates, never-matching patterns, no lifetime cap", () => {
    const entry = { owner: "a", ticket: "T-1", reason: "r" };
    const far = new Date(Date.now() + 400 * 86400000).toISOString().slice(0, 10);
    expect(
      problems({
        "paved-required-tags": {
          exemptions: [
            { ...entry, namePattern: "db-*", expires: "2026-02-30" },
            { ...entry, namePattern: "^db-.*$", expires: "2026-01-01" },
            { ...entry, namePattern: "db-*", expires: far },
          ],
        },
      }),
    ).toEqual([
      'paved-required-tags.exemptions#0: expires "2026-02-30" is not a calendar date; write a real day as YYYY-MM-DD',
      expect.stringMatching(
        /^paved-required-tags.exemptions#1: namePattern "\^db-\.\*\$" looks like a regular expression/,
      ),
      expect.stringMatching(/^paved-required-tags.exemptions#2: expires .*, more than 180 days away/),
    ]);
  });

  test("problems name the file the config came from", () => {
    const f = file("bad-config.json", '{ "aws-ebs-volume-encryptd": "mandatory" }');
    const config = readPolicyConfig(f);
    expect((config as { [CONFIG_SOURCE]?: string })[CONFIG_SOURCE]).toBe(f);
    expect(JSON.stringify(config)).toBe('{"aws-ebs-volume-encryptd":"mandatory"}');
    expect(() => reconcilePackConfig(POLICIES, config as never)).toThrow(
      expect.objectContaining({
        problems: [expect.stringContaining(`${f}: aws-ebs-volume-encryptd: no such policy`)],
      }),
    );
  });
});

describe("the exemptions file is checked before it waives anything", () => {
  const NOW = new Date("2026-06-01T00:00:00Z");
  const ok = {
    policy: "aws-ebs-volume-encrypted",
    owner: "a",
    ticket: "T-1",
    reason: "r",
    expires: "2026-07-01",
  };
  const yaml = (entries: object[], head = "") =>
    `${head}exemptions:\n${entries.map((e) => `  - ${JSON.stringify(e)}`).join("\n")}\n`;
  const check = (text: string) => () =>
    checkExemptionsFile(file("ex.yaml", text), ["aws-ebs-volume-encrypted"], NOW);

  test("a good file passes", () => {
    expect(check(yaml([{ ...ok, namePattern: "scratch-*" }]))).not.toThrow();
  });

  test.each([
    [
      "an unknown policy",
      { ...ok, policy: "aws-ebs-volume-encryption", type: "aws:ebs/volume:Volume" },
      /policy "aws-ebs-volume-encryption" is not in the pack; did you mean "aws-ebs-volume-encrypted"\?/,
    ],
    [
      "an impossible date",
      { ...ok, expires: "2026-02-30", type: "aws:ebs/volume:Volume" },
      /expires "2026-02-30" is not a calendar date/,
    ],
    ["a misspelt field", { ...ok, typ: "aws:ebs/volume:Volume" }, /unknown field typ; did you mean "type"\?/],
    [
      "a regex for a glob",
      { ...ok, namePattern: "scratch.*" },
      /namePattern "scratch\.\*" looks like a regular expression/,
    ],
    ["a URN that is not one", { ...ok, urn: "scratch" }, /urn "scratch" is not a URN/],
    [
      "no lifetime cap",
      { ...ok, expires: "2099-12-31", type: "aws:ebs/volume:Volume" },
      /expires 2099-12-31, more than 180 days away .* on or before 2026-11-28/,
    ],
  ])("%s is a UsageError naming the file and the entry", (_, entry, message) => {
    expect(check(yaml([entry]))).toThrow(UsageError);
    expect(check(yaml([entry]))).toThrow(message);
    expect(check(yaml([entry]))).toThrow(`${path.join(dir, "ex.yaml")}#0: `);
  });

  test("the file may raise the cap; a misspelt top-level key is refused", () => {
    expect(
      check(
        yaml([{ ...ok, expires: "2027-05-01", type: "aws:ebs/volume:Volume" }], "maxLifetimeDays: 365\n"),
      ),
    ).not.toThrow();
    expect(check(`exemption:\n  - ${JSON.stringify(ok)}\n`)).toThrow(
      /exemption: is not a key of an exemptions file .*did you mean "exemptions"\?/,
    );
  });
});

describe("through the CLI: exit 2, one line", () => {
  test("a misspelt policy in --policy-config", async () => {
    const f = file("cli-config.json", '{ "aws-ebs-volume-encryptd": "mandatory" }');
    const r = await paved(["check", "--state", state("clean.json"), "--policy-config", f]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(
      `${f}: aws-ebs-volume-encryptd: no such policy in the pack; did you mean "aws-ebs-volume-encrypted"?`,
    );
  });

  test("an exemptions file with an impossible date", async () => {
    const f = file(
      "cli-ex.yaml",
      `exemptions:\n  - { policy: aws-ebs-volume-encrypted, type: "aws:ebs/volume:Volume", owner: a, ticket: T-1, reason: r, expires: "2026-02-30" }\n`,
    );
    const r = await paved(["check", "--state", state("clean.json"), "--exemptions", f]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`${f}#0: expires "2026-02-30" is not a calendar date`);
  });
});
