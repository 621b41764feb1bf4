/**
 * The mock engine: runs a Pulumi program with no engine, no providers and no
 * cloud account, through `pulumi.runtime.setMocks`, and records every resource
 * the program registers with its full record (URN, parent, provider, inputs).
 *
 * Shared by `paved check` and by the component tests, so the tests exercise
 * the same mocks users rely on.
 */
import * as pulumi from "@pulumi/pulumi";
import * as runtimeSettings from "@pulumi/pulumi/runtime/settings";
import { enableStackTransforms, TransformableMonitor } from "./transforms";

/** One registered resource, as the engine would have seen it. */
export interface RecordedResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly custom: boolean;
  /** The parent's URN; empty for a resource whose parent is the stack. */
  readonly parent: string;
  readonly provider: string;
  readonly dependencies: readonly string[];
  /** The inputs as plain JavaScript (unknowns, secrets and assets in their wire form). */
  readonly inputs: Record<string, unknown>;
  /** The id the mocks returned (custom resources only). */
  readonly id?: string;
  /**
   * The outputs a component registered with `registerOutputs` (wire form, as
   * the engine stores them); undefined until the component registers them.
   */
  readonly outputs?: Record<string, unknown>;
}

/** Options for {@link MockEngine}. */
export interface MockEngineOptions {
  /** The AWS region data sources answer for. @default "us-east-1" */
  region?: string;
  /** The account id in ARNs and caller identity. @default "123456789012" */
  accountId?: string;
  /** Preview mode: return no ids, so computed outputs are unknown as in `pulumi preview`. @default false */
  preview?: boolean;
}

/** AZ suffixes per region; regions not listed get a, b, c. Counts from the AWS Regions and Zones page. */
const AZ_SUFFIXES: Record<string, string> = {
  "us-east-1": "abcdef",
  "us-east-2": "abc",
  "us-west-1": "ac",
  "us-west-2": "abcd",
  "eu-west-1": "abc",
  "eu-west-2": "abc",
  "eu-central-1": "abc",
  "eu-north-1": "abc",
  "ap-southeast-1": "abc",
  "ap-southeast-2": "abc",
  "ap-northeast-1": "acd",
  "ca-central-1": "abd",
  "sa-east-1": "abc",
};

/** The AZ names mocks return for a region. */
export function availabilityZones(region: string): string[] {
  return [...(AZ_SUFFIXES[region] ?? "abc")].map((s) => `${region}${s}`);
}

function shortType(type: string): string {
  // "aws:ec2/securityGroup:SecurityGroup" -> service "ec2", resource "securityGroup"
  const [, mod = "", res = ""] = type.split(":");
  return `${mod.split("/")[0]}:${res.charAt(0).toLowerCase()}${res.slice(1)}`;
}

interface StatementInput {
  sid?: string;
  effect?: string;
  actions?: string[];
  notActions?: string[];
  resources?: string[];
  notResources?: string[];
  principals?: { type: string; identifiers: string[] }[];
  notPrincipals?: { type: string; identifiers: string[] }[];
  conditions?: { test: string; variable: string; values: string[] }[];
}

function principalBlock(list: StatementInput["principals"]): Record<string, unknown> | string | undefined {
  if (!list || list.length === 0) return undefined;
  if (list.length === 1 && list[0].type === "*") return "*";
  const out: Record<string, string[]> = {};
  for (const p of list) out[p.type] = [...(out[p.type] ?? []), ...p.identifiers];
  return out;
}

/** Renders `aws.iam.getPolicyDocument` inputs as the IAM JSON the provider would return. */
export function policyDocument(inputs: Record<string, unknown>): Record<string, unknown> {
  const statements = ((inputs.statements as StatementInput[] | undefined) ?? []).map((st) => {
    const out: Record<string, unknown> = {};
    if (st.sid) out.Sid = st.sid;
    out.Effect = st.effect ?? "Allow";
    if (st.actions) out.Action = st.actions;
    if (st.notActions) out.NotAction = st.notActions;
    if (st.resources) out.Resource = st.resources;
    if (st.notResources) out.NotResource = st.notResources;
    const principal = principalBlock(st.principals);
    if (principal) out.Principal = principal;
    const notPrincipal = principalBlock(st.notPrincipals);
    if (notPrincipal) out.NotPrincipal = notPrincipal;
    if (st.conditions?.length) {
      const cond: Record<string, Record<string, string[]>> = {};
      for (const c of st.conditions) cond[c.test] = { ...(cond[c.test] ?? {}), [c.variable]: c.values };
      out.Condition = cond;
    }
    return out;
  });
  return { Version: (inputs.version as string | undefined) ?? "2012-10-17", Statement: statements };
}

/** The mocks themselves: plausible ids, ARNs and outputs; realistic data-source answers. */
export class MockEngine implements pulumi.runtime.Mocks {
  readonly region: string;
  readonly accountId: string;
  readonly preview: boolean;
  private counter = 0;

  constructor(opts: MockEngineOptions = {}) {
    this.region = opts.region ?? "us-east-1";
    this.accountId = opts.accountId ?? "123456789012";
    this.preview = opts.preview ?? false;
  }

  newResource(args: pulumi.runtime.MockResourceArgs): {
    id: string | undefined;
    state: Record<string, unknown>;
  } {
    const seq = (++this.counter).toString(16).padStart(8, "0");
    const id = this.preview ? undefined : `${args.name}-${seq}`;
    const state: Record<string, unknown> = { ...args.inputs };
    if (args.type.startsWith("aws:")) {
      const [service, resource] = shortType(args.type).split(":");
      const physical = (args.inputs?.name as string | undefined) ?? args.name;
      if (!this.preview) {
        state.arn ??= `arn:aws:${service}:${this.region}:${this.accountId}:${resource}/${physical}`;
        state.id = id;
      }
      state.name ??= physical;
      // The provider names a bucket after the resource when `bucket` is not given.
      if (args.type === "aws:s3/bucket:Bucket" || args.type === "aws:s3/bucketV2:BucketV2") {
        state.bucket ??= physical;
      }
      if (args.type === "aws:ec2/vpc:Vpc" && args.inputs?.assignGeneratedIpv6CidrBlock && !this.preview) {
        state.ipv6CidrBlock = "2600:1f18:1234:5600::/56";
      }
      if (args.type === "aws:ec2/vpc:Vpc" && !this.preview) {
        state.defaultSecurityGroupId = `sg-default-${seq}`;
        state.defaultNetworkAclId = `acl-default-${seq}`;
        state.mainRouteTableId = `rtb-main-${seq}`;
      }
    }
    if (args.type.startsWith("kubernetes:")) {
      const meta = (args.inputs?.metadata as Record<string, unknown> | undefined) ?? {};
      state.metadata = { ...meta, name: meta.name ?? args.name };
    }
    return { id, state };
  }

  call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
    switch (args.token) {
      case "aws:index/getAvailabilityZones:getAvailabilityZones": {
        const names = availabilityZones(this.region);
        return {
          names,
          zoneIds: names.map((_, i) => `${this.region.replace(/-/g, "").slice(0, 4)}-az${i + 1}`),
          id: this.region,
          state: "available",
        };
      }
      case "aws:index/getRegion:getRegion":
        return {
          name: this.region,
          region: this.region,
          id: this.region,
          endpoint: `ec2.${this.region}.amazonaws.com`,
        };
      case "aws:index/getCallerIdentity:getCallerIdentity":
        return {
          accountId: this.accountId,
          arn: `arn:aws:iam::${this.accountId}:user/paved-check`,
          userId: "AIDAPAVEDCHECK",
          id: this.accountId,
        };
      case "aws:index/getPartition:getPartition":
        return { partition: "aws", dnsSuffix: "amazonaws.com", id: "aws" };
      case "aws:iam/getPolicyDocument:getPolicyDocument": {
        // The document the provider would render, so policies see the real statements.
        const json = JSON.stringify(policyDocument(args.inputs));
        return { json, minifiedJson: json, id: "doc" };
      }
      case "aws:ec2/getAmi:getAmi":
        return {
          id: "ami-0abcdef1234567890",
          imageId: "ami-0abcdef1234567890",
          architecture: "x86_64",
          name: "paved-check-mock-ami",
          rootDeviceName: "/dev/xvda",
        };
      case "aws:ec2/getVpc:getVpc":
        return {
          id: "vpc-0default",
          cidrBlock: "172.31.0.0/16",
          default: true,
          arn: `arn:aws:ec2:${this.region}:${this.accountId}:vpc/vpc-0default`,
        };
      case "aws:ec2/getSubnets:getSubnets":
        return {
          id: this.region,
          ids: availabilityZones(this.region).map((_, i) => `subnet-0default${i}`),
        };
      default:
        return { ...args.inputs };
    }
  }
}

type RegisterFn = (req: unknown, callback: (err: unknown, resp: unknown) => void) => unknown;

interface RegisterRequestLike {
  getType(): string;
  getName(): string;
  getCustom(): boolean;
  getParent(): string;
  getProvider(): string;
  getDependenciesList(): string[];
  getObject(): { toJavaScript(): Record<string, unknown> } | undefined;
}

interface RegisterResponseLike {
  getUrn(): string;
  getId(): string;
}

interface RegisterOutputsRequestLike {
  getUrn(): string;
  getOutputs(): { toJavaScript(): Record<string, unknown> } | undefined;
}

/**
 * Installs the mocks and a recorder on the mock monitor. Returns the list the
 * records are appended to, in registration order.
 */
export function installMockEngine(
  engine: MockEngine,
  opts: {
    project?: string;
    stack?: string;
    /**
     * Apply stack transforms (`registerResourceTransform`), as the engine would; the
     * records then hold the transformed inputs. Starts the SDK's callback server. @default false
     */
    transforms?: boolean;
  } = {},
): RecordedResource[] {
  const records: RecordedResource[] = [];
  const byUrn = new Map<string, { outputs?: Record<string, unknown> }>();
  // Outputs registered before their resource's record arrived (rare, but the RPCs are async).
  const early = new Map<string, Record<string, unknown>>();
  void pulumi.runtime.setMocks(engine, opts.project ?? "project", opts.stack ?? "stack", engine.preview);
  const monitor = pulumi.runtime.getMonitor() as unknown as {
    registerResource: RegisterFn;
    registerResourceOutputs: RegisterFn;
  };
  const original = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req: unknown, callback: (err: unknown, resp: unknown) => void) =>
    original(req, (err: unknown, resp: unknown) => {
      if (!err) {
        const r = req as RegisterRequestLike;
        const out = resp as RegisterResponseLike;
        const urn = out.getUrn();
        const record: RecordedResource = {
          urn,
          type: r.getType(),
          name: r.getName(),
          custom: r.getCustom(),
          parent: r.getParent(),
          provider: r.getProvider(),
          dependencies: r.getDependenciesList(),
          inputs: r.getObject()?.toJavaScript() ?? {},
          id: out.getId() || undefined,
          outputs: early.get(urn),
        };
        records.push(record);
        byUrn.set(urn, record as { outputs?: Record<string, unknown> });
      }
      callback(err, resp);
    });
  // Components publish their outputs (a network's register, a namespace's flows) through
  // registerResourceOutputs; capture them so `paved diagram`/`register` need no component internals.
  const originalOutputs = monitor.registerResourceOutputs.bind(monitor);
  monitor.registerResourceOutputs = (req: unknown, callback: (err: unknown, resp: unknown) => void) => {
    const r = req as RegisterOutputsRequestLike;
    const outputs = r.getOutputs()?.toJavaScript() ?? {};
    const record = byUrn.get(r.getUrn());
    if (record) record.outputs = outputs;
    else early.set(r.getUrn(), outputs);
    return originalOutputs(req, callback);
  };
  if (opts.transforms) enableStackTransforms(monitor as unknown as TransformableMonitor);
  return records;
}

/** Waits until every outstanding registration has been answered. */
export async function settle(): Promise<void> {
  // waitForRPCs is internal to the SDK (pinned in package.json; tested in test/helpers).
  const settings = runtimeSettings as unknown as { waitForRPCs?: () => Promise<void> };
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setImmediate(r));
    if (settings.waitForRPCs) await settings.waitForRPCs();
  }
}
