import * as pulumi from "@pulumi/pulumi";
import { installMockEngine, MockEngine } from "../../../cli/engine/mocks";
import { DEV_GOVERNANCE, descendants, ofType, setConfig, settle, valueOf } from "../../helpers/pulumi";

const APP = "aws:servicecatalog/appregistryApplication:AppregistryApplication";
/** The shared mocks, plus the tag AppRegistry computes for an application (a resource group ARN). */
class AppRegistryMocks extends MockEngine {
  newResource(args: pulumi.runtime.MockResourceArgs) {
    const r = super.newResource(args);
    if (args.type === APP) {
      r.state.applicationTag = {
        awsApplication: `arn:aws:resource-groups:us-east-1:123456789012:group/${String(args.inputs.name)}/0abc`,
      };
    }
    return r;
  }
}
const records = installMockEngine(new AppRegistryMocks(), {
  project: "paved-test",
  stack: "dev",
  transforms: true,
});
pulumi.runtime.setAllConfig(DEV_GOVERNANCE);
import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import { PavedValidationError } from "../../../components/core/errors";
import { errorOf as thrown } from "../validation-error";
import { PAVED_VERSION } from "../../../components/core/version";
import { AppRegistration, AppRegistrationArgs } from "../../../components/aws/registration";

const GROUP_ARN = "arn:aws:resource-groups:us-east-1:123456789012:group/payments-api-dev/0abc";
const CONTACTS = ["oncall-payments@example.com", "@payments-oncall"];
const GROUP = "aws:servicecatalog/appregistryAttributeGroup:AppregistryAttributeGroup";
const ASSOC = "aws:servicecatalog/appregistryAttributeGroupAssociation:AppregistryAttributeGroupAssociation";

function expectProblem(e: PavedValidationError, code: string, arg: string): void {
  const p = e.problems.find((x) => x.code === code);
  expect(p).toBeDefined();
  expect(p!.arg).toBe(arg);
  expect(e.message).toContain(`AppRegistration "`);
  expect(e.message).toContain(`${p!.arg} ${p!.problem}; ${p!.fix}`);
}

describe("AppRegistration bad input (before any registration)", () => {
  afterEach(() => setConfig(DEV_GOVERNANCE));

  test("no tier-1 contacts", () => {
    const e = thrown(() => new AppRegistration("bad1", { tier1Contacts: [] }));
    expectProblem(e, "PAVED_APPREG_CONTACTS_MISSING", "tier1Contacts");
  });

  test("a contact that is neither an e-mail nor a handle", () => {
    const e = thrown(() => new AppRegistration("bad2", { tier1Contacts: ["call bob"] }));
    expectProblem(e, "PAVED_APPREG_CONTACT_INVALID", "tier1Contacts[0]");
  });

  test("an invalid application name", () => {
    const e = thrown(
      () => new AppRegistration("bad3", { tier1Contacts: CONTACTS, applicationName: "pay ments" }),
    );
    expectProblem(e, "PAVED_APPREG_NAME_INVALID", "applicationName");
  });

  test("a missing change ticket in prod", () => {
    setConfig({ ...DEV_GOVERNANCE, "paved:environment": "prod" });
    const e = thrown(() => new AppRegistration("bad4", { tier1Contacts: CONTACTS }));
    expectProblem(e, "PAVED_CHANGE_TICKET_MISSING", "governance.changeTicket");
  });

  test("a malformed change ticket", () => {
    setConfig({ ...DEV_GOVERNANCE, "paved:environment": "prod", "paved:changeTicket": "change 42" });
    const e = thrown(() => new AppRegistration("bad5", { tier1Contacts: CONTACTS }));
    expectProblem(e, "PAVED_CHANGE_TICKET_FORMAT", "governance.changeTicket");
    expect(e.message).toContain("^(CHG|INC)-\\d+$");
  });

  test("an unknown association mode (JavaScript callers)", () => {
    const e = thrown(
      () =>
        new AppRegistration("bad6", {
          tier1Contacts: CONTACTS,
          association: "tags",
        } as unknown as AppRegistrationArgs),
    );
    expectProblem(e, "PAVED_APPREG_ASSOCIATION_INVALID", "association");
  });

  test("every problem is reported at once, and nothing is created", async () => {
    await settle();
    const e = thrown(
      () =>
        new AppRegistration("bad7", { tier1Contacts: ["x"], applicationName: "", governance: { owner: "" } }),
    );
    expect(e.problems.map((p) => p.code).sort()).toEqual([
      "PAVED_APPREG_CONTACT_INVALID",
      "PAVED_APPREG_NAME_INVALID",
      "PAVED_TAG_MISSING",
    ]);
    await settle();
    expect(records.filter((r) => r.name.startsWith("bad7-"))).toEqual([]);
  });
});

describe("AppRegistration", () => {
  let reg: AppRegistration;
  beforeAll(async () => {
    reg = new AppRegistration("payments", { tier1Contacts: CONTACTS, tags: { team: "payments" } });
    new aws.s3.Bucket("after-bucket");
    new aws.iam.RolePolicy("after-policy", { role: "r", policy: "{}" });
    new k8s.core.v1.ConfigMap("after-cm", { data: {} });
    await settle();
  });

  test("creates the application, the attribute group and their association", async () => {
    const kids = descendants(records, await valueOf(reg.urn));
    expect(kids.map((k) => `${k.type}::${k.name}`).sort()).toEqual([
      `${APP}::payments-app`,
      `${GROUP}::payments-governance`,
      `${ASSOC}::payments-governance-assoc`,
    ]);
    const app = ofType(kids, APP)[0].inputs;
    expect(app.name).toBe("payments-api-dev");
    expect(app.description).toBe("payments-api (dev), owned by team-payments");
    expect(app.tags).toMatchObject({
      team: "payments",
      "app-id": "payments-api",
      "paved:pattern": "AppRegistration",
    });
    const group = ofType(kids, GROUP)[0].inputs;
    expect(group.name).toBe("payments-api-dev-governance");
    const assoc = ofType(kids, ASSOC)[0].inputs;
    expect(assoc.applicationId).toBe(await valueOf(reg.applicationId));
    expect(assoc.attributeGroupId).toBe(ofType(kids, GROUP)[0].id);
  });

  test("the attribute group holds owner, cost center, classification, contacts and change ticket", () => {
    const group = records.find((r) => r.type === GROUP && r.name === "payments-governance")!;
    expect(JSON.parse(group.inputs.attributes as string)).toEqual({
      appId: "payments-api",
      owner: "team-payments",
      costCenter: "cc-1234",
      dataClassification: "confidential",
      environment: "dev",
      tier1Contacts: CONTACTS,
      changeTicket: null,
      pavedVersion: PAVED_VERSION,
    });
    expect(reg.attributesJson).toBe(group.inputs.attributes);
  });

  test("outputs the application ARN and the awsApplication tag AppRegistry computed", async () => {
    expect(await valueOf(reg.applicationArn)).toMatch(/^arn:aws:servicecatalog:/);
    expect(await valueOf(reg.applicationTag)).toEqual({ awsApplication: GROUP_ARN });
  });

  test("resources created afterwards are associated through the application tag and governed", async () => {
    const bucket = records.find((r) => r.name === "after-bucket")!;
    expect(bucket.inputs.tags).toMatchObject({
      awsApplication: GROUP_ARN,
      "app-id": "payments-api",
      owner: "team-payments",
    });
    expect(records.find((r) => r.name === "after-policy")!.inputs).not.toHaveProperty("tags");
    expect(records.find((r) => r.name === "after-cm")!.inputs.metadata).toEqual({
      labels: expect.objectContaining({ "paved.dev/app-id": "payments-api" }),
    });
  });

  test("the application itself never carries its own tag", () => {
    const app = records.find((r) => r.type === APP && r.name === "payments-app")!;
    expect(app.inputs.tags).not.toHaveProperty("awsApplication");
  });

  test("association none creates the registry entries only", async () => {
    const quiet = new AppRegistration("quiet", {
      tier1Contacts: CONTACTS,
      applicationName: "quiet-app",
      association: "none",
    });
    await settle();
    const kids = descendants(records, await valueOf(quiet.urn));
    expect(kids).toHaveLength(3);
    expect(ofType(kids, APP)[0].inputs.name).toBe("quiet-app");
  });

  test("URNs are stable for a fixed config", async () => {
    const urn = await valueOf(reg.urn);
    expect([urn, ...descendants(records, urn).map((k) => k.urn)].sort()).toMatchSnapshot();
  });
});
