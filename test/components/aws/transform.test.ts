import { DEV_GOVERNANCE, setConfig, settle, useMocks, valueOf } from "../../helpers/pulumi";
const records = useMocks({ config: DEV_GOVERNANCE, transforms: true });
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import { errorOf as thrown } from "../validation-error";
import { registerGovernanceTransform } from "../../../components/aws/registration";

const GOV_TAGS = {
  "app-id": "payments-api",
  owner: "team-payments",
  "cost-center": "cc-1234",
  "data-classification": "confidential",
  environment: "dev",
};
const GOV_LABELS = Object.fromEntries(Object.entries(GOV_TAGS).map(([k, v]) => [`paved.dev/${k}`, v]));

/** A component from someone else's library: it knows nothing about Paved. */
class ThirdPartyQueue extends pulumi.ComponentResource {
  constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
    super("vendor:queues:Queue", name, { flavour: "fifo" }, opts);
    new aws.sqs.Queue(`${name}-q`, { fifoQueue: true }, { parent: this });
    new k8s.core.v1.ConfigMap(`${name}-cm`, { data: { a: "b" } }, { parent: this });
    this.registerOutputs({});
  }
}

const input = (name: string) => {
  const r = records.find((x) => x.name === name);
  if (!r) throw new Error(`no resource ${name}`);
  return r.inputs;
};

describe("the governance transform over a mixed program", () => {
  beforeAll(async () => {
    registerGovernanceTransform();
    new aws.s3.Bucket("plain-bucket");
    new aws.s3.Bucket("tagged-bucket", { tags: { owner: "team-storage", purpose: "exports" } });
    const role = new aws.iam.Role("role", { assumeRolePolicy: "{}" });
    new aws.iam.RolePolicy("role-inline", { role: role.name, policy: "{}" });
    new aws.ec2.Tag("extra-tag", { resourceId: "vpc-123", key: "team", value: "x" });
    new aws.autoscaling.Group("asg", {
      maxSize: 1,
      minSize: 1,
      tags: [{ key: "owner", value: "team-compute", propagateAtLaunch: false }],
    });
    new aws.sqs.Queue("secret-tags", { tags: pulumi.secret({ purpose: "secret" }) });
    new k8s.core.v1.Namespace("ns", { metadata: { name: "payments" } });
    new k8s.core.v1.ConfigMap("cm-labelled", {
      metadata: { labels: { "paved.dev/owner": "someone", app: "web" } },
      data: {},
    });
    new k8s.apps.v1.DeploymentPatch("patch", { metadata: { name: "web" }, spec: { replicas: 2 } });
    new k8s.Provider("k8s", { kubeconfig: "{}" });
    new ThirdPartyQueue("vendor");
    await settle();
  });

  test("a taggable AWS resource with no tags gets every governance tag", () => {
    expect(input("plain-bucket").tags).toEqual(GOV_TAGS);
    expect(input("role").tags).toEqual(GOV_TAGS);
  });

  test("tags the user set explicitly are never overwritten", () => {
    expect(input("tagged-bucket").tags).toEqual({ ...GOV_TAGS, owner: "team-storage", purpose: "exports" });
  });

  test("untaggable types are left alone", () => {
    expect(input("role-inline")).not.toHaveProperty("tags");
    expect(input("extra-tag")).toEqual({ resourceId: "vpc-123", key: "team", value: "x" });
    expect(input("patch")).not.toHaveProperty("metadata.labels");
    expect(records.find((r) => r.type === "pulumi:providers:kubernetes")?.inputs).not.toHaveProperty("tags");
  });

  test("an Auto Scaling group's tag list is appended to, propagated, keeping the user's entry", () => {
    const tags = input("asg").tags as { key: string; value: string; propagateAtLaunch: boolean }[];
    expect(tags[0]).toEqual({ key: "owner", value: "team-compute", propagateAtLaunch: false });
    expect(tags.slice(1)).toEqual(
      Object.entries(GOV_TAGS)
        .filter(([k]) => k !== "owner")
        .map(([key, value]) => ({ key, value, propagateAtLaunch: true })),
    );
  });

  test("secret tags are merged inside the secret and stay secret", () => {
    // Secrets reach the engine in their wire form: { <sig>: <secret sig>, value }.
    expect(input("secret-tags").tags).toEqual({
      [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig,
      value: { ...GOV_TAGS, purpose: "secret" },
    });
  });

  test("Kubernetes objects get the labels; explicit labels win", () => {
    expect(input("ns").metadata).toEqual({ name: "payments", labels: GOV_LABELS });
    expect(input("cm-labelled").metadata).toEqual({
      labels: { ...GOV_LABELS, "paved.dev/owner": "someone", app: "web" },
    });
  });

  test("a third-party component's children are tagged and labelled; the component itself is untouched", () => {
    expect(input("vendor-q").tags).toEqual(GOV_TAGS);
    expect(input("vendor-cm").metadata).toEqual({ labels: GOV_LABELS });
    const comp = records.find((r) => r.type === "vendor:queues:Queue");
    expect(comp?.inputs).toEqual({ flavour: "fifo" });
  });

  test("the provider's view matches: outputs of a transformed resource carry the tags", async () => {
    const b = new aws.s3.Bucket("late-bucket", { tags: { extra: "1" } });
    expect(await valueOf(b.tags)).toEqual({ extra: "1", ...GOV_TAGS });
  });
});

describe("registerGovernanceTransform validation", () => {
  afterEach(() => setConfig(DEV_GOVERNANCE));

  test("prod requires a change ticket", () => {
    setConfig({ ...DEV_GOVERNANCE, "paved:environment": "prod" });
    const e = thrown(() => registerGovernanceTransform());
    expect(e.hasCode("PAVED_CHANGE_TICKET_MISSING")).toBe(true);
    expect(e.message).toContain('GovernanceTransform "dev": governance.changeTicket is required in prod');
  });

  test("a malformed ticket is refused, with the default format", () => {
    setConfig({ ...DEV_GOVERNANCE, "paved:environment": "prod", "paved:changeTicket": "JIRA-12" });
    const e = thrown(() => registerGovernanceTransform());
    expect(e.hasCode("PAVED_CHANGE_TICKET_FORMAT")).toBe(true);
    expect(e.message).toContain("^(CHG|INC)-\\d+$");
  });

  test("the ticket format comes from paved:changeTicketPattern", () => {
    setConfig({
      ...DEV_GOVERNANCE,
      "paved:environment": "prod",
      "paved:changeTicket": "CHG-12",
      "paved:changeTicketPattern": "^JIRA-\\d+$",
    });
    expect(thrown(() => registerGovernanceTransform()).hasCode("PAVED_CHANGE_TICKET_FORMAT")).toBe(true);
  });

  test("a broken ticket pattern is a validation error, not a SyntaxError", () => {
    setConfig({ ...DEV_GOVERNANCE, "paved:changeTicketPattern": "^(CHG" });
    const e = thrown(() => registerGovernanceTransform());
    expect(e.code).toBe("PAVED_CHANGE_TICKET_PATTERN_INVALID");
    expect(e.message).toContain("paved:changeTicketPattern");
  });

  test("governance values that cannot be labels are refused", () => {
    const e = thrown(() => registerGovernanceTransform({ governance: { owner: "Team Payments" } }));
    expect(e.hasCode("PAVED_LABEL_INVALID")).toBe(true);
    expect(e.message).toContain("governance.owner");
  });
});
