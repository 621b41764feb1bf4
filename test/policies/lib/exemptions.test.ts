import {
  exemptionMatches,
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
      'expires "2026-13-45" is not a date',
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
