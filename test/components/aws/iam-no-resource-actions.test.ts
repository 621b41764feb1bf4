import { isWellFormedAction } from "../../../components/aws/iam/match";
import {
  isNoResourceLevelAction,
  NO_RESOURCE_LEVEL_ACTIONS,
} from "../../../components/aws/iam/no-resource-actions";

describe("NO_RESOURCE_LEVEL_ACTIONS", () => {
  test("every entry is a well-formed action and none is a whole-service wildcard", () => {
    for (const a of NO_RESOURCE_LEVEL_ACTIONS) {
      expect(isWellFormedAction(a)).toBe(true);
      expect(a.endsWith(":*")).toBe(false);
    }
  });

  test("has no duplicates (case-insensitive)", () => {
    const lower = NO_RESOURCE_LEVEL_ACTIONS.map((a) => a.toLowerCase());
    expect(new Set(lower).size).toBe(lower.length);
  });

  test("holds no broad guess such as *:List*", () => {
    expect(NO_RESOURCE_LEVEL_ACTIONS.some((a) => a.startsWith("*"))).toBe(false);
  });
});

describe("isNoResourceLevelAction", () => {
  test.each([
    ["sts:GetCallerIdentity", true],
    ["STS:getcalleridentity", true],
    ["ec2:DescribeInstances", true],
    ["ec2:Describe*", true],
    ["ec2:DescribeVpc*", true],
    ["ec2:Desc*", false],
    ["ec2:*", false],
    ["ec2:RunInstances", false],
    ["cloudwatch:PutMetricData", true],
    ["cloudwatch:PutMetricAlarm", false],
    ["xray:PutTraceSegments", true],
    ["ecr:GetAuthorizationToken", true],
    ["ecr:BatchGetImage", false],
    ["s3:ListAllMyBuckets", true],
    ["s3:ListBucket", false],
    ["s3:GetObject", false],
    ["kms:Decrypt", false],
    ["iam:PassRole", false],
    ["*", false],
  ])("%s -> %s", (action, expected) => expect(isNoResourceLevelAction(action)).toBe(expected));

  test("extra patterns extend the list", () => {
    expect(isNoResourceLevelAction("s3:ListBucket", ["s3:ListBucket"])).toBe(true);
  });
});
