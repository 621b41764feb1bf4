import {
  defaultApplicationName,
  governanceAttributes,
  validateRegistration,
} from "../../../components/aws/registration/attributes";
import { isValidPattern } from "../../../components/aws/registration/transform";
import { Governance } from "../../../components/core/governance";

const GOV: Governance = {
  appId: "payments-api",
  owner: "team-payments",
  costCenter: "cc-1234",
  dataClassification: "restricted",
  environment: "prod",
  changeTicket: "CHG-1234",
};

describe("governanceAttributes", () => {
  test("holds the governance record with the change ticket, in a stable key order", () => {
    const a = governanceAttributes(GOV, ["a@example.com"]);
    expect(Object.keys(a)).toEqual([
      "appId",
      "owner",
      "costCenter",
      "dataClassification",
      "environment",
      "tier1Contacts",
      "changeTicket",
      "pavedVersion",
    ]);
    expect(a).toMatchObject({ changeTicket: "CHG-1234", tier1Contacts: ["a@example.com"] });
    expect(governanceAttributes({ ...GOV, changeTicket: undefined }, []).changeTicket).toBeNull();
  });

  test("the default application name is <appId>-<environment>", () => {
    expect(defaultApplicationName(GOV)).toBe("payments-api-prod");
  });
});

describe("validateRegistration", () => {
  const ok = {
    derivedName: "payments-api-prod",
    tier1Contacts: ["oncall@example.com", "@oncall", "#payments-alerts"],
  };

  test("accepts e-mail addresses and handles", () => {
    expect(validateRegistration(ok)).toEqual([]);
  });

  test.each<[string, Record<string, unknown>, string[]]>([
    ["missing contacts", { tier1Contacts: undefined }, ["PAVED_APPREG_CONTACTS_MISSING@tier1Contacts"]],
    ["a bad contact", { tier1Contacts: ["bob"] }, ["PAVED_APPREG_CONTACT_INVALID@tier1Contacts[0]"]],
    ["a bad explicit name", { applicationName: "a/b" }, ["PAVED_APPREG_NAME_INVALID@applicationName"]],
    [
      "a derived name that is too long",
      { derivedName: "x".repeat(250) },
      ["PAVED_APPREG_NAME_INVALID@governance.appId"],
    ],
    [
      "a long description",
      { description: "d".repeat(1025) },
      ["PAVED_APPREG_DESCRIPTION_INVALID@description"],
    ],
  ])("%s", (_n, change, expected) => {
    expect(validateRegistration({ ...ok, ...change }).map((p) => `${p.code}@${p.arg}`)).toEqual(expected);
  });
});

describe("isValidPattern", () => {
  test("tells a compiling pattern from a broken one", () => {
    expect(isValidPattern("^(CHG|INC)-\\d+$")).toBe(true);
    expect(isValidPattern("^(CHG")).toBe(false);
  });
});
