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
import { DEFAULT_ACCOUNT, invokeAnswer, resourceId, resourceState } from "./answers";
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
  /** Where the program constructed it: the source position the SDK sent with the registration. */
  readonly source?: { readonly file: string; readonly line: number; readonly column?: number };
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

export { availabilityZones, policyDocument } from "./answers";

/** An invoke offline AWS could not answer: the program got its own inputs back. */
export interface UnansweredInvoke {
  readonly token: string;
  readonly inputs: Record<string, unknown>;
}

/**
 * The mocks themselves: the answers of offline AWS (`answers.ts`, shared with
 * the stand-in provider of the real-engine tests), deterministic ids.
 */
export class MockEngine implements pulumi.runtime.Mocks {
  readonly region: string;
  readonly accountId: string;
  readonly preview: boolean;
  /** Invokes that got no answer, in call order; `paved check` reports them as "not checked". */
  readonly unanswered: UnansweredInvoke[] = [];

  constructor(opts: MockEngineOptions = {}) {
    this.region = opts.region ?? DEFAULT_ACCOUNT.region;
    this.accountId = opts.accountId ?? DEFAULT_ACCOUNT.accountId;
    this.preview = opts.preview ?? false;
  }

  newResource(args: pulumi.runtime.MockResourceArgs): {
    id: string | undefined;
    state: Record<string, unknown>;
  } {
    const id = this.preview
      ? undefined
      : resourceId(args.type, args.name, (args.inputs ?? {}) as Record<string, unknown>);
    const inputs = (args.inputs ?? {}) as Record<string, unknown>;
    return { id, state: resourceState(args.type, args.name, inputs, id, this) };
  }

  call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
    const inputs = (args.inputs ?? {}) as Record<string, unknown>;
    const answer = invokeAnswer(args.token, inputs, this);
    if (answer !== undefined) return answer;
    this.unanswered.push({ token: args.token, inputs });
    return { ...inputs };
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
  getSourceposition?(): { getUri(): string; getLine(): number; getColumn(): number } | undefined;
}

/** The source position the SDK captured for a registration (`file://` URI to a path). */
function sourceOf(r: RegisterRequestLike): RecordedResource["source"] {
  const pos = r.getSourceposition?.();
  const uri = pos?.getUri();
  if (!pos || !uri) return undefined;
  let file = uri;
  if (uri.startsWith("file://")) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    file = (require("url") as typeof import("url")).fileURLToPath(uri);
  }
  return { file, line: pos.getLine(), column: pos.getColumn() || undefined };
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
          source: sourceOf(r),
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
