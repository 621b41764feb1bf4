import {
  exemptionMatches,
  isCalendarDate,
  isExpired,
  parseExemptionsText,
  urnParts,
  validateExemptions,
} from "../../../policies/lib/exemptions";

const valid = {
  policy: "aws-ebs-volume-encrypted",
  urn: "urn:pulumi:dev::app::aws:ebs/volume:Volume::scratch",
  owner: "team-data",
  ticket: "SEC-12",
  reason: "scratch disk, no data at rest",
  expires: "2099-12-31",
};

describe("exemption schema", () => {
  test("a complete exemption is accepted, with an id naming its source and index", () => {
    const set = validateExemptions([valid], "ex.yaml");
    expect(set.problems).toEqual([]);
    expect(set.exemptions).toEqual([expect.objectContaining({ ...valid, id: "ex.yaml#0" })]);
  });

  test.each([
    ["owner", /is missing owner/],
    ["ticket", /is missing ticket/],
    ["expires", /is missing expires/],
    ["reason", /is missing reason/],
    ["policy", /is missing policy/],
  ])("an exemption without %s is refused", (field, message) => {
    const entry: Record<string, unknown> = { ...valid };
    delete entry[field];
    const set = validateExemptions([entry], "ex.yaml");
    expect(set.exemptions).toEqual([]);
    expect(set.problems).toEqual([{ where: "ex.yaml#0", message: expect.stringMatching(message) }]);
  });

  test("no selector, or two, is refused", () => {
    const none: Record<string, unknown> = { ...valid };
    delete none.urn;
    const set = validateExemptions([none, { ...valid, type: "aws:ebs/volume:Volume" }], "f");
    expect(set.problems.map((p) => p.message)).toEqual([
      "needs exactly one of urn, type or namePattern",
      "needs exactly one of urn, type or namePattern",
    ]);
  });

  test("an expiry that is not a date, or unknown fields, are refused", () => {
    const set = validateExemptions(
      [
        { ...valid, expires: "next year" },
        { ...valid, expires: "2026-13-45" },
        { ...valid, note: "x" },
      ],
      "f",
    );
    expect(set.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/expires must match pattern/),
      'expires "2026-13-45" is not a calendar date; write a real day as YYYY-MM-DD',
      "has unknown field note",
    ]);
  });

  test("in a policy's config the policy is implied, and naming another one is refused", () => {
    const { policy: _omit, ...rest } = valid;
    const set = validateExemptions(
      [rest, { ...rest, policy: "other" }],
      "config:aws-ebs-volume-encrypted",
      "aws-ebs-volume-encrypted",
    );
    expect(set.exemptions.map((e) => e.policy)).toEqual(["aws-ebs-volume-encrypted"]);
    expect(set.problems).toEqual([
      { where: "config:aws-ebs-volume-encrypted#1", message: expect.stringMatching(/names policy "other"/) },
    ]);
  });

  test("a file may be YAML or JSON, a list or { exemptions: [...] }", () => {
    const yaml = `exemptions:\n  - policy: p\n    type: aws:ebs/volume:Volume\n    owner: o\n    ticket: T-1\n    reason: r\n    expires: "2099-01-01"\n`;
    expect(parseExemptionsText(yaml, "f").exemptions).toHaveLength(1);
    expect(parseExemptionsText(JSON.stringify([valid]), "f").exemptions).toHaveLength(1);
    expect(parseExemptionsText("exemptions: [unclosed", "f").problems[0].message).toMatch(/cannot be parsed/);
    expect(parseExemptionsText("exemptions: 3", "f").problems[0].message).toBe("is not a list of exemptions");
  });
});

describe("matching and expiry", () => {
  const target = {
    policy: "p",
    urn: "urn:pulumi:s::a::aws:ebs/volume:Volume::scratch-1",
    type: "aws:ebs/volume:Volume",
    name: "scratch-1",
  };
  const load = (e: Record<string, unknown>) =>
    validateExemptions(
      [{ policy: "p", owner: "o", ticket: "t", reason: "r", expires: "2099-01-01", ...e }],
      "f",
    ).exemptions[0];

  test("by URN, by type, by name glob; never across policies", () => {
    expect(exemptionMatches(load({ urn: target.urn }), target)).toBe(true);
    expect(exemptionMatches(load({ urn: `${target.urn}x` }), target)).toBe(false);
    expect(exemptionMatches(load({ type: "aws:ebs/volume:Volume" }), target)).toBe(true);
    expect(exemptionMatches(load({ namePattern: "scratch-*" }), target)).toBe(true);
    expect(exemptionMatches(load({ namePattern: "scratch" }), target)).toBe(false);
    expect(exemptionMatches(load({ namePattern: "s.ratch-1" }), target)).toBe(false); // regex characters are literal
    expect(exemptionMatches(load({ type: "aws:ebs/volume:Volume", policy: "q" }), target)).toBe(false);
  });

  test("an exemption applies through the whole of its last day (UTC)", () => {
    expect(isExpired({ expires: "2026-03-01" }, new Date("2026-03-01T23:59:59Z"))).toBe(false);
    expect(isExpired({ expires: "2026-03-01" }, new Date("2026-03-02T00:00:00Z"))).toBe(true);
  });

  test("a URN gives its type and name, with parents and :: in names", () => {
    expect(urnParts("urn:pulumi:s::p::paved:aws:SanVolume$aws:ebs/volume:Volume::data::1")).toEqual({
      type: "aws:ebs/volume:Volume",
      name: "data::1",
    });
    expect(urnParts("not-a-urn")).toEqual({ type: "", name: "" });
  });
});

describe("exemptions that could never do what they say are refused, naming the fix", () => {
  const NOW = new Date("2026-06-01T12:00:00Z");
  const messages = (entries: unknown[], rules = {}) =>
    validateExemptions(entries, "ex.yaml", undefined, { now: NOW, ...rules }).problems.map((p) => p.message);

  test("an impossible date (2026-02-30, 2025-02-29) is not a date; 2028-02-29 is", () => {
    expect(messages([{ ...valid, expires: "2026-02-30" }])).toEqual([
      'expires "2026-02-30" is not a calendar date; write a real day as YYYY-MM-DD',
    ]);
    expect(messages([{ ...valid, expires: "2025-02-29" }])).toHaveLength(1);
    expect(messages([{ ...valid, expires: "2028-02-29" }])).toEqual([]);
    expect(isCalendarDate("2026-04-31")).toBe(false);
    expect(isCalendarDate("2026-04-30")).toBe(true);
  });

  test("a misspelt field suggests the right one", () => {
    expect(messages([{ ...valid, expiry: "2026-07-01", expires: undefined }])).toEqual([
      expect.stringContaining('has unknown field expiry; did you mean "expires"?'),
    ]);
  });

  test("selectors that can never match: a URN that is not one, a type that is not a token, a regex for a glob", () => {
    const { urn: _u, ...noUrn } = valid;
    void _u;
    expect(messages([{ ...valid, urn: "scratch" }])).toEqual([
      expect.stringMatching(/urn "scratch" is not a URN/),
    ]);
    expect(messages([{ ...noUrn, type: "Volume" }])).toEqual([
      expect.stringMatching(/type "Volume" is not a type token/),
    ]);
    for (const namePattern of ["^scratch-.*$", "scratch-.*", "(a|b)", " scratch"]) {
      expect(messages([{ ...noUrn, namePattern }])).toEqual([
        expect.stringMatching(/namePattern .* matches/),
      ]);
    }
    expect(messages([{ ...noUrn, namePattern: "scratch-*" }])).toEqual([]);
    expect(messages([{ ...noUrn, type: "pulumi:providers:aws" }])).toEqual([]);
  });

  test("an unknown policy is refused, with the closest name", () => {
    const policies = ["aws-ebs-volume-encrypted", "aws-s3-public-access-blocked"];
    expect(messages([{ ...valid, policy: "aws-ebs-volume-encryption" }], { policies })).toEqual([
      'policy "aws-ebs-volume-encryption" is not in the pack; did you mean "aws-ebs-volume-encrypted"?',
    ]);
    expect(messages([{ ...valid, policy: "something-else" }], { policies })).toEqual([
      'policy "something-else" is not in the pack',
    ]);
  });

  test("with a cap, an exemption may run at most that many days", () => {
    const rules = { maxLifetimeDays: 180 };
    expect(messages([{ ...valid, expires: "2026-11-28" }], rules)).toEqual([]);
    expect(messages([{ ...valid, expires: "2099-12-31" }], rules)).toEqual([
      "expires 2099-12-31, more than 180 days away (the longest an exemption may run); set expires on or before 2026-11-28 and renew it through SEC-12 if still needed",
    ]);
    expect(messages([{ ...valid, expires: "2099-12-31" }])).toEqual([]);
  });

  test("a file sets its own cap; unknown top-level keys are refused with a suggestion", () => {
    const text = `maxLifetimeDays: 30\nexemption: []\nexemptions:\n  - ${JSON.stringify({ ...valid, expires: "2026-08-01" })}\n`;
    const set = parseExemptionsText(text, "ex.yaml", { now: NOW, maxLifetimeDays: 180 });
    expect(set.problems.map((p) => `${p.where}: ${p.message}`)).toEqual([
      'ex.yaml exemption: is not a key of an exemptions file (exemptions, maxLifetimeDays); did you mean "exemptions"?',
      expect.stringMatching(/^ex.yaml#0: expires 2026-08-01, more than 30 days away/),
    ]);
    const bad = parseExemptionsText("maxLifetimeDays: forever\nexemptions: []\n", "ex.yaml");
    expect(bad.problems.map((p) => `${p.where}: ${p.message}`)).toEqual([
      'ex.yaml maxLifetimeDays: is "forever"; give a whole number of days, at least 1 (default 180 under paved check)',
    ]);
  });
});
