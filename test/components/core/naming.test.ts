import { azSuffix, childName, nameProblem } from "../../../components/core/naming";

test("childName joins the component name and parts", () => {
  expect(childName("core", "app", "a")).toBe("core-app-a");
  expect(childName("core", "", 0)).toBe("core-0");
});

test("azSuffix maps indexes to letters and refuses out-of-range indexes", () => {
  expect([0, 1, 2].map(azSuffix)).toEqual(["a", "b", "c"]);
  expect(() => azSuffix(26)).toThrow(RangeError);
});

describe("nameProblem", () => {
  test.each([
    ["iamRole", "payments-app-role", undefined],
    ["iamRole", "x".repeat(64), undefined],
    ["iamRole", "x".repeat(65), "PAVED_NAME_LENGTH"],
    ["iamRole", "has space", "PAVED_NAME_CHARS"],
    ["s3Bucket", "My_Bucket", "PAVED_NAME_CHARS"],
    ["s3Bucket", "ab", "PAVED_NAME_LENGTH"],
    ["k8sDnsLabel", "team-a", undefined],
    ["k8sDnsLabel", "Team-A", "PAVED_NAME_CHARS"],
    ["k8sDnsLabel", "team-", "PAVED_NAME_CHARS"],
    ["k8sDnsLabel", "a".repeat(64), "PAVED_NAME_LENGTH"],
    ["k8sDnsSubdomain", "a.b-c", undefined],
    ["snsTopic", "alerts.fifo", "PAVED_NAME_CHARS"],
  ] as const)("%s %j -> %s", (kind, value, code) => {
    expect(nameProblem(kind, value, "name")?.code).toBe(code);
  });

  test("auto-named resources keep room for Pulumi's random suffix", () => {
    const p = nameProblem("iamRole", "x".repeat(60), "name", { autonamed: true });
    expect(p?.code).toBe("PAVED_NAME_LENGTH");
    expect(p?.fix).toContain("1..56 characters");
    expect(p?.problem).toContain("too long for an IAM role name");
    expect(nameProblem("iamRole", "x".repeat(56), "name", { autonamed: true })).toBeUndefined();
  });
});
