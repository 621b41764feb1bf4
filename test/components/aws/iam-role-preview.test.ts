import { DEV_GOVERNANCE, ofType, settle, useMocks } from "../../helpers/pulumi";
const records = useMocks({
  config: {
    ...DEV_GOVERNANCE,
    "paved:permissionsBoundaryArn": "arn:aws:iam::123456789012:policy/paved-boundary",
  },
  preview: true,
});
import * as aws from "@pulumi/aws";
import { LeastPrivilegeRole } from "../../../components/aws/iam";
import { UNKNOWN_SENTINEL } from "../../../components/aws/iam/lint";

test("during preview, unknown ARNs are 'cannot tell': no error, and the policy stays unknown", async () => {
  const bucket = new aws.s3.Bucket("preview-bucket");
  expect(
    () =>
      new LeastPrivilegeRole("preview", {
        trust: { githubOidc: { repo: "acme/payments", refs: ["main"] } },
        statements: [{ actions: ["s3:GetObject"], resources: [bucket.arn] }],
      }),
  ).not.toThrow();
  await settle();
  const role = ofType(records, "aws:iam/role:Role").find((r) => r.name === "preview")!;
  expect(role.inputs.permissionsBoundary).toBe("arn:aws:iam::123456789012:policy/paved-boundary");
  const policy = ofType(records, "aws:iam/rolePolicy:RolePolicy").find((r) => r.name === "preview-policy")!;
  expect(policy.inputs.policy).toBe(UNKNOWN_SENTINEL);
});
