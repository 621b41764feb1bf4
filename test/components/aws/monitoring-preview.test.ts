import { DEV_GOVERNANCE, descendants, settle, useMocks, valueOf } from "../../helpers/pulumi";
// Preview: the mocks return no ids, so ARNs and names of new resources are unknown.
const records = useMocks({ config: DEV_GOVERNANCE, region: "eu-west-1", preview: true });
import { AlarmSet } from "../../../components/aws/monitoring/alarm-set";
import { Dashboard } from "../../../components/aws/monitoring/dashboard";
import { HealthScore } from "../../../components/aws/monitoring/health-score";

test("AlarmSet, HealthScore and Dashboard preview with unknown ARNs and register every child", async () => {
  const set = new AlarmSet("pv", { targets: [{ kind: "sqsQueue", name: "jobs", queueName: "jobs" }] });
  const hs = new HealthScore("pv-hs", {
    source: { kind: "albTargetGroup", loadBalancer: "app/w/1", targetGroup: "targetgroup/w/2" },
    throughputBaseline: 10,
    alarmSets: [set],
  });
  const dash = new Dashboard("pv-dash", { alarmSet: set, healthScore: hs });
  await settle();
  const count = async (c: { urn: import("@pulumi/pulumi").Output<string> }) =>
    descendants(records, await valueOf(c.urn)).length;
  // key, alias, topic, topic policy, 2 alarms | score alarm, gate | dashboard
  expect([await count(set), await count(hs), await count(dash)]).toEqual([6, 2, 1]);
  expect(hs.expression).toMatch(/^100 \* \(/);
});
