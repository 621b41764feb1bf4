/**
 * Stack transforms under the mock engine. `pulumi.runtime.registerResourceTransform`
 * and `registerInvokeTransform` hand the transform to the SDK's callback
 * server and ask the monitor to call it for every later resource (or invoke).
 * The SDK's mock monitor has no `registerStackTransform`, because in a real
 * deployment the engine does that calling. This plays the engine's part: it
 * records the callback tokens and, before each RegisterResource (Invoke), sends
 * the transform request through the SDK's own callback server, the same path
 * and serialization the engine uses, then registers what came back.
 *
 * A program that tags everything through a stack transform (AppRegistration)
 * is thus checked with the tags it would really have. SDK internals: the SDK
 * is pinned and test/cli/transforms.test.ts covers this path.
 */
import * as callbackProto from "@pulumi/pulumi/proto/callback_pb";
import * as resourceProto from "@pulumi/pulumi/proto/resource_pb";
import * as runtimeSettings from "@pulumi/pulumi/runtime/settings";
import * as runtimeState from "@pulumi/pulumi/runtime/state";

type Callback = (err: unknown, resp?: unknown) => void;
type Rpc = (req: unknown, cb: Callback) => unknown;

interface RegisterRequestLike {
  getType(): string;
  getName(): string;
  getCustom(): boolean;
  getParent(): string;
  getObject(): unknown;
  setObject(value: unknown): void;
}

interface InvokeRequestLike {
  getTok(): string;
  getArgs(): unknown;
  setArgs(value: unknown): void;
}

interface CallbackServerLike {
  invoke(
    call: { request: unknown },
    cb: (err: unknown, resp?: { getResponse_asU8(): Uint8Array }) => void,
  ): unknown;
}

/** The monitor methods this wraps. */
export interface TransformableMonitor {
  registerResource: Rpc;
  invoke: Rpc;
  registerStackTransform?: (req: { getToken(): string }, cb: Callback) => void;
  registerStackInvokeTransform?: (req: { getToken(): string }, cb: Callback) => void;
}

function callbackServer(): CallbackServerLike {
  const server = (
    runtimeSettings as unknown as { getCallbacks(): CallbackServerLike | undefined }
  ).getCallbacks();
  if (!server) throw new Error("stack transforms under mocks: the SDK has no callback server");
  return server;
}

function call(token: string, request: Uint8Array): Promise<Uint8Array> {
  const req = new callbackProto.CallbackInvokeRequest();
  req.setToken(token);
  req.setRequest(request);
  return new Promise((resolve, reject) =>
    callbackServer().invoke({ request: req }, (err, resp) =>
      err || !resp ? reject(err) : resolve(resp.getResponse_asU8()),
    ),
  );
}

/**
 * Lets the monitor accept stack transforms and apply them. Wrap the monitor's
 * `registerResource` with this AFTER a recorder, so the recorder sees the
 * transformed inputs, as the engine and the policy pack would.
 */
export function enableStackTransforms(monitor: TransformableMonitor): void {
  const store = (
    runtimeState as unknown as {
      getStore(): { supportsTransforms?: boolean; supportsInvokeTransforms?: boolean };
    }
  ).getStore();
  store.supportsTransforms = true;
  store.supportsInvokeTransforms = true;

  const resourceTokens: string[] = [];
  const invokeTokens: string[] = [];
  monitor.registerStackTransform = (req, cb) => {
    resourceTokens.push(req.getToken());
    cb(null, {});
  };
  monitor.registerStackInvokeTransform = (req, cb) => {
    invokeTokens.push(req.getToken());
    cb(null, {});
  };

  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req: unknown, cb: Callback) => {
    const r = req as RegisterRequestLike;
    const run = async () => {
      for (const token of resourceTokens) {
        const t = new resourceProto.TransformRequest();
        t.setType(r.getType());
        t.setName(r.getName());
        t.setCustom(r.getCustom());
        t.setParent(r.getParent());
        t.setProperties(r.getObject() as Parameters<typeof t.setProperties>[0]);
        t.setOptions(new resourceProto.TransformResourceOptions());
        const resp = resourceProto.TransformResponse.deserializeBinary(
          await call(token, t.serializeBinary()),
        );
        // A transform that returns nothing leaves the resource as it was.
        if (resp.getProperties()) r.setObject(resp.getProperties());
      }
    };
    run().then(
      () => register(req, cb),
      (err: unknown) => cb(err),
    );
  };

  const invoke = monitor.invoke.bind(monitor);
  monitor.invoke = (req: unknown, cb: Callback) => {
    const r = req as InvokeRequestLike;
    const run = async () => {
      for (const token of invokeTokens) {
        const t = new resourceProto.TransformInvokeRequest();
        t.setToken(r.getTok());
        t.setArgs(r.getArgs() as Parameters<typeof t.setArgs>[0]);
        t.setOptions(new resourceProto.TransformInvokeOptions());
        const resp = resourceProto.TransformInvokeResponse.deserializeBinary(
          await call(token, t.serializeBinary()),
        );
        if (resp.getArgs()) r.setArgs(resp.getArgs());
      }
    };
    run().then(
      () => invoke(req, cb),
      (err: unknown) => cb(err),
    );
  };
}
