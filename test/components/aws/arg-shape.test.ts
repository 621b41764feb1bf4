/**
 * List arguments from JavaScript callers or stack config that are not lists
 * (or hold the wrong items) are validation problems naming the component and
 * the argument, never a TypeError.
 */
import { DEV_GOVERNANCE, useMocks } from "../../helpers/pulumi";
useMocks({
  config: {
    ...DEV_GOVERNANCE,
    "aws:region": "eu-west-1",
    "paved:permissionsBoundaryArn": "arn:aws:iam::123456789012:policy/platform-boundary",
  },
  region: "eu-west-1",
});
import { listArg } from "../../../components/aws/arg-shape";
import { errorOf } from "../validation-error";
import { AlarmSet } from "../../../components/aws/monitoring/alarm-set";
import { Dashboard } from "../../../components/aws/monitoring/dashboard";
import { HealthScore } from "../../../components/aws/monitoring/health-score";
import { SegmentedNetwork } from "../../../components/aws/network/network";
import { SanVolume } from "../../../components/aws/storage/san-volume";
import { CanaryRollout } from "../../../components/kubernetes/rollout/canary-rollout";
import { NamespaceBaseline } from "../../../components/kubernetes/namespace/baseline";
import { AppRegistration } from "../../../components/aws/registration/registration";
import { LeastPrivilegeRole } from "../../../components/aws/iam/role";
import { SloAlerts } from "../../../components/kubernetes/monitoring/slo-alerts";
import { EncryptedStorageClass } from "../../../components/kubernetes/storage/storage-class";
import { VolumeClaim } from "../../../components/kubernetes/storage/volume-claim";

describe("listArg", () => {
  test("undefined gives the fallback; a good list passes through", () => {
    expect(listArg(undefined, "a", "string", ["x"])).toEqual({ list: ["x"], problems: [] });
    const given = ["a", "b"];
    expect(listArg(given, "a", "string").list).toBe(given);
  });

  test("a non-list is one problem naming the arg; the list is empty", () => {
    expect(listArg("web" as never, "tiers", "object")).toEqual({
      list: [],
      problems: [
        {
          arg: "tiers",
          problem: '"web" is not a list',
          fix: "give a list of objects",
          code: "PAVED_ARG_NOT_A_LIST",
        },
      ],
    });
  });

  test("each bad item is a problem at its index", () => {
    const r = listArg([{}, null, [], "x"] as never[], "flows", "object");
    expect(r.list).toEqual([]);
    expect(r.problems.map((p) => [p.arg, p.problem])).toEqual([
      ["flows[1]", "null is not an object"],
      ["flows[2]", "a list is not an object"],
      ["flows[3]", '"x" is not an object'],
    ]);
    expect(listArg(["a", 1] as never[], "avoid", "string").problems.map((p) => p.arg)).toEqual(["avoid[1]"]);
  });
});

const TARGETS = [{ kind: "ec2Instance" as const, name: "web-1", instanceId: "i-0abc" }];
const HS_SOURCE = {
  kind: "albTargetGroup" as const,
  loadBalancer: "app/web/1",
  targetGroup: "targetgroup/web/2",
};
const IMAGE = "registry.example.com/payments/api:1.4.2";

test.each<[string, string, () => unknown, string]>([
  [
    "SegmentedNetwork",
    "tiers",
    () => new SegmentedNetwork("n1", { vpcCidr: "10.0.0.0/16", tiers: {} as never }),
    "tiers",
  ],
  [
    "SegmentedNetwork",
    "flows[0]",
    () => new SegmentedNetwork("n2", { vpcCidr: "10.0.0.0/16", flows: [null as never] }),
    "flows[0]",
  ],
  [
    "SegmentedNetwork",
    "avoid",
    () => new SegmentedNetwork("n3", { vpcCidr: "10.0.0.0/16", avoid: "10.1.0.0/16" as never }),
    "avoid",
  ],
  [
    "SegmentedNetwork",
    "interfaceEndpoints",
    () => new SegmentedNetwork("n4", { vpcCidr: "10.0.0.0/16", interfaceEndpoints: "ssm" as never }),
    "interfaceEndpoints",
  ],
  [
    "SegmentedNetwork",
    "gatewayEndpoints",
    () => new SegmentedNetwork("n5", { vpcCidr: "10.0.0.0/16", gatewayEndpoints: "s3" as never }),
    "gatewayEndpoints",
  ],
  [
    "SegmentedNetwork",
    "availabilityZones",
    () => new SegmentedNetwork("n6", { vpcCidr: "10.0.0.0/16", availabilityZones: "eu-west-1a" as never }),
    "availabilityZones",
  ],
  [
    "SanVolume",
    "attachments",
    () => new SanVolume("v1", { sizeGiB: 10, availabilityZone: "eu-west-1a", attachments: {} as never }),
    "attachments",
  ],
  [
    "SanVolume",
    "attachments[0]",
    () => new SanVolume("v2", { sizeGiB: 10, attachments: [null as never] }),
    "attachments[0]",
  ],
  ["AlarmSet", "targets", () => new AlarmSet("a1", { targets: TARGETS[0] as never }), "targets"],
  [
    "AlarmSet",
    "subscriptions",
    () => new AlarmSet("a2", { targets: TARGETS, subscriptions: "ops@example.com" as never }),
    "subscriptions",
  ],
  ["Dashboard", "targets", () => new Dashboard("d1", { targets: "web-1" as never }), "targets"],
  [
    "HealthScore",
    "alarmSets",
    () => new HealthScore("h1", { source: HS_SOURCE, throughputBaseline: 100, alarmSets: {} as never }),
    "alarmSets",
  ],
  [
    "HealthScore",
    "alarmSets[0]",
    () => new HealthScore("h2", { source: HS_SOURCE, throughputBaseline: 100, alarmSets: [{}] as never }),
    "alarmSets[0]",
  ],
  [
    "HealthScore",
    "criticalAlarmNames",
    () =>
      new HealthScore("h3", {
        source: HS_SOURCE,
        throughputBaseline: 100,
        criticalAlarmNames: "db-down" as never,
      }),
    "criticalAlarmNames",
  ],
  ["NamespaceBaseline", "flows", () => new NamespaceBaseline("ns1", { flows: {} as never }), "flows"],
  [
    "NamespaceBaseline",
    "egressFlows[0]",
    () => new NamespaceBaseline("ns2", { egressFlows: [null as never] }),
    "egressFlows[0]",
  ],
  [
    "CanaryRollout",
    "command",
    () => new CanaryRollout("r1", { namespace: "payments", image: IMAGE, command: "/app" as never }),
    "command",
  ],
  [
    "CanaryRollout",
    "args[0]",
    () => new CanaryRollout("r2", { namespace: "payments", image: IMAGE, args: [1 as never] }),
    "args[0]",
  ],
])("%s %s that is not a list of the right items", (component, _label, build, arg) => {
  const e = errorOf(build);
  expect(e.problems.map((p) => [p.code, p.arg])).toContainEqual(["PAVED_ARG_NOT_A_LIST", arg]);
  expect(e.message).toContain(`${component} "`);
});

type AnyComponent = new (name: string, args: never) => unknown;
test.each<[string, AnyComponent]>([
  ["AppRegistration", AppRegistration],
  ["AlarmSet", AlarmSet],
  ["Dashboard", Dashboard],
  ["HealthScore", HealthScore],
  ["SegmentedNetwork", SegmentedNetwork],
  ["SanVolume", SanVolume],
  ["LeastPrivilegeRole", LeastPrivilegeRole],
  ["SloAlerts", SloAlerts],
  ["CanaryRollout", CanaryRollout],
  ["EncryptedStorageClass", EncryptedStorageClass],
  ["VolumeClaim", VolumeClaim],
])(
  "%s without arguments (JavaScript) lists the missing ones instead of throwing a TypeError",
  (component, C) => {
    expect(errorOf(() => new C(`noargs-${component.toLowerCase()}`, undefined as never)).component).toBe(
      component,
    );
  },
);
