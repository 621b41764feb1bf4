/**
 * Fixtures and lookups shared by the monitoring component tests (AlarmSet,
 * HealthScore, Dashboard). Imports no component, so a test file can import it
 * after `useMocks`.
 */
import type * as pulumi from "@pulumi/pulumi";
import { descendants, RecordedResource, settle, valueOf } from "../../helpers/pulumi";
import type { MonitoredTarget } from "../../../components/aws/monitoring/targets";

export const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";

/** An EC2 instance and an ALB target group. */
export const TARGETS: MonitoredTarget[] = [
  { kind: "ec2Instance", name: "web-1", instanceId: "i-0abc" },
  { kind: "albTargetGroup", name: "web", loadBalancer: "app/web/1", targetGroup: "targetgroup/web/2" },
];

/** `kidsOf(component)`: the component's descendants in `records`, once the mocks settle. */
export function kidsIn(records: readonly RecordedResource[]) {
  return async (c: { urn: pulumi.Output<string> }): Promise<RecordedResource[]> => {
    await settle();
    return descendants(records, await valueOf(c.urn));
  };
}

/** The alarm child named `name`; fails with the names present when there is none. */
export function alarmByName(kids: readonly RecordedResource[], name: string): RecordedResource {
  const r = kids.find((k) => k.type === ALARM && k.name === name);
  if (!r) throw new Error(`no alarm ${name} in ${kids.map((k) => k.name).join(", ")}`);
  return r;
}
