/**
 * Data sources under `paved check`: an AWS-managed policy looked up by name is
 * answered as AWS would (so attaching AdministratorAccess is caught, where the
 * mocks once returned nothing and it passed), and a data source offline AWS
 * cannot answer is reported as "not checked", never passed silently.
 */
import { paved, program } from "./run-cli";

interface Report {
  violations: { policy: string; level: string; urn: string; message: string }[];
}

test("an AWS-managed policy by name is answered; an unanswerable data source is reported", async () => {
  const r = await paved(["check", program("invokes"), "--format", "json"]);
  const report = JSON.parse(r.stdout) as Report;
  const admin = report.violations.find((v) => v.policy === "aws-iam-no-admin-managed-policy");
  expect(admin?.urn).toMatch(/::app-admin$/);
  expect(admin?.message).toContain("arn:aws:iam::aws:policy/AdministratorAccess");
  const notChecked = report.violations.filter((v) => v.policy === "paved-not-checked");
  expect(notChecked).toEqual([
    expect.objectContaining({
      level: "advisory",
      message: expect.stringContaining("data source aws:iam/getRole:getRole has no offline answer"),
    }),
  ]);
  // The answered lookups (getPolicy) are not reported as unanswered.
  expect(notChecked[0].message).not.toContain("getPolicy");
});
