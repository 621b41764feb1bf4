import {
  componentLabels,
  componentTags,
  Governance,
  governanceLabels,
  governanceTags,
  isLabelValue,
  mergeKeepingFirst,
  missingGovernanceKeys,
  requiredLabelKeys,
  requiredTagKeys,
  validateGovernance,
} from "../../../components/core/governance";
import { PAVED_VERSION } from "../../../components/core/version";
import * as fs from "fs";
import * as path from "path";

const GOV: Governance = {
  appId: "payments-api",
  owner: "team-payments",
  costCenter: "cc-1234",
  dataClassification: "confidential",
  environment: "dev",
};

describe("validateGovernance", () => {
  test("accepts complete governance", () => {
    expect(validateGovernance(GOV)).toEqual([]);
  });

  test("a missing governance block says how to provide it", () => {
    expect(validateGovernance(undefined)).toEqual([
      expect.objectContaining({ code: "PAVED_GOVERNANCE_MISSING", arg: "governance" }),
    ]);
  });

  test("each missing required field is named, with the config key as the fix", () => {
    const problems = validateGovernance({});
    expect(problems.map((p) => p.arg)).toEqual([
      "governance.appId",
      "governance.owner",
      "governance.costCenter",
      "governance.dataClassification",
      "governance.environment",
    ]);
    expect(problems[0].fix).toContain("pulumi config set paved:appId");
  });

  test("classification and environment must be one of the allowed values", () => {
    const problems = validateGovernance({
      ...GOV,
      dataClassification: "secret" as never,
      environment: "qa" as never,
    });
    expect(problems.map((p) => [p.arg, p.code])).toEqual([
      ["governance.dataClassification", "PAVED_TAG_INVALID"],
      ["governance.environment", "PAVED_TAG_INVALID"],
    ]);
    expect(problems[0].fix).toBe("use one of public | internal | confidential | restricted");
    expect(problems[1].fix).toBe("use one of dev | staging | prod");
  });

  test("prod requires a change ticket in the configured format", () => {
    expect(validateGovernance({ ...GOV, environment: "prod" })).toEqual([
      expect.objectContaining({ code: "PAVED_CHANGE_TICKET_MISSING", arg: "governance.changeTicket" }),
    ]);
    expect(validateGovernance({ ...GOV, environment: "prod", changeTicket: "CHG-42" })).toEqual([]);
    expect(validateGovernance({ ...GOV, environment: "prod", changeTicket: "JIRA-42" })).toEqual([
      expect.objectContaining({ code: "PAVED_CHANGE_TICKET_FORMAT" }),
    ]);
    expect(
      validateGovernance({ ...GOV, environment: "prod", changeTicket: "JIRA-42" }, "governance", {
        changeTicketPattern: "^JIRA-\\d+$",
      }),
    ).toEqual([]);
  });

  test("an invalid ticket pattern is a clear problem, not a crash", () => {
    const problems = validateGovernance(
      { ...GOV, environment: "prod", changeTicket: "CHG-1" },
      "governance",
      {
        changeTicketPattern: "^(CHG",
      },
    );
    expect(problems).toEqual([
      expect.objectContaining({
        code: "PAVED_CHANGE_TICKET_PATTERN_INVALID",
        arg: "paved:changeTicketPattern",
      }),
    ]);
  });

  test("label mode refuses values Kubernetes cannot hold", () => {
    expect(
      validateGovernance({ ...GOV, owner: "payments@example.com" }, "governance", { asLabels: true }),
    ).toEqual([expect.objectContaining({ code: "PAVED_LABEL_INVALID", arg: "governance.owner" })]);
    expect(validateGovernance({ ...GOV, owner: "payments@example.com" })).toEqual([]);
  });

  test("tag values longer than AWS allows", () => {
    expect(validateGovernance({ ...GOV, appId: "x".repeat(257) })).toEqual([
      expect.objectContaining({ code: "PAVED_TAG_INVALID", arg: "governance.appId" }),
    ]);
  });
});

describe("tags and labels", () => {
  test("governance tags use the documented keys; change-ticket only when set", () => {
    expect(governanceTags(GOV)).toEqual({
      "app-id": "payments-api",
      owner: "team-payments",
      "cost-center": "cc-1234",
      "data-classification": "confidential",
      environment: "dev",
    });
    expect(governanceTags({ ...GOV, changeTicket: "CHG-1" })["change-ticket"]).toBe("CHG-1");
  });

  test("labels use the same keys under paved.dev/", () => {
    expect(Object.keys(governanceLabels(GOV))).toEqual(requiredLabelKeys("dev"));
    expect(governanceLabels(GOV)["paved.dev/app-id"]).toBe("payments-api");
  });

  test("component tags stamp pattern and version, and explicit tags win", () => {
    const tags = componentTags(GOV, "SegmentedNetwork", { owner: "someone-else", Name: "core" });
    expect(tags).toMatchObject({
      owner: "someone-else",
      Name: "core",
      "app-id": "payments-api",
      "paved:pattern": "SegmentedNetwork",
      "paved:version": PAVED_VERSION,
    });
    expect(componentLabels(GOV, "NamespaceBaseline")["paved.dev/pattern"]).toBe("NamespaceBaseline");
  });

  test("mergeKeepingFirst never overwrites a key set earlier", () => {
    expect(mergeKeepingFirst({ a: "1" }, undefined, { a: "2", b: "2" }, { b: "3", c: "3" })).toEqual({
      a: "1",
      b: "2",
      c: "3",
    });
  });

  test("the required keys differ in prod", () => {
    expect(requiredTagKeys("prod")).toContain("change-ticket");
    expect(requiredTagKeys("dev")).not.toContain("change-ticket");
  });

  test("missingGovernanceKeys finds absent and blank keys, with a prefix for labels", () => {
    expect(missingGovernanceKeys(governanceTags(GOV), "dev")).toEqual([]);
    expect(missingGovernanceKeys({ ...governanceTags(GOV), owner: " " }, "prod")).toEqual([
      "owner",
      "change-ticket",
    ]);
    expect(missingGovernanceKeys(undefined, "dev")).toHaveLength(5);
    expect(missingGovernanceKeys(governanceLabels(GOV), "dev", "paved.dev/")).toEqual([]);
  });

  test.each([
    ["team-payments", true],
    ["a.b_c-d", true],
    ["", true],
    ["-leading", false],
    ["x".repeat(64), false],
    ["a@b", false],
  ])("isLabelValue(%j) is %s", (v, ok) => {
    expect(isLabelValue(v)).toBe(ok);
  });
});

test("the version stamp is package.json's version", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "../../../package.json"), "utf8"));
  expect(PAVED_VERSION).toBe(pkg.version);
});
