/**
 * Stack transforms under `pulumi.runtime.setMocks`. The SDK's mock monitor
 * reports no support for transforms (`registerResourceTransform` throws "The
 * Pulumi CLI does not support transforms") and has no `registerStackTransform`,
 * because in a real deployment the engine, not the SDK, calls the transforms.
 * This plays the engine's part: it records each registered stack transform and,
 * on every RegisterResource, sends a `TransformRequest` through the SDK's own
 * callback server (the same path and serialization a real engine uses), then
 * registers the returned properties.
 *
 * Install it after `setMocks` (and after any recorder that wraps
 * `registerResource`, so the recorder sees the transformed inputs). It uses SDK
 * internals; @pulumi/pulumi is pinned and the transform tests exercise it.
 */
import * as pulumi from "@pulumi/pulumi";
import * as callbackProto from "@pulumi/pulumi/proto/callback_pb";
import * as resourceProto from "@pulumi/pulumi/proto/resource_pb";
import * as runtimeSettings from "@pulumi/pulumi/runtime/settings";
import * as runtimeState from "@pulumi/pulumi/runtime/state";

type Callback = (err: unknown, resp?: unknown) => void;

interface RegisterRequest {
  getType(): string;
  getName(): string;
  getCustom(): boolean;
  getParent(): string;
  getObject(): unknown;
  setObject(value: unknown): void;
}

interface MonitorLike {
  registerResource(req: unknown, cb: Callback): unknown;
  registerStackTransform?: (req: { getToken(): string }, cb: Callback) => void;
}

interface CallbackServerLike {
  invoke(
    call: { request: unknown },
    cb: (err: unknown, resp?: { getResponse_asU8(): Uint8Array }) => void,
  ): unknown;
}

/** Enables stack transforms on the installed mock monitor. Idempotent. */
export function enableMockStackTransforms(): void {
  const monitor = pulumi.runtime.getMonitor() as unknown as MonitorLike & { __pavedTransforms?: boolean };
  if (monitor.__pavedTransforms) return;
  monitor.__pavedTransforms = true;
  (runtimeState as unknown as { getStore(): { supportsTransforms: boolean } }).getStore().supportsTransforms =
    true;
  const tokens: string[] = [];
  monitor.registerStackTransform = (req, cb) => {
    tokens.push(req.getToken());
    cb(null, {});
  };
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req: unknown, cb: Callback) => {
    applyTransforms(req as RegisterRequest, tokens).then(
      () => register(req, cb),
      (err: unknown) => cb(err),
    );
  };
}

async function applyTransforms(req: RegisterRequest, tokens: readonly string[]): Promise<void> {
  if (tokens.length === 0) return;
  const server = (
    runtimeSettings as unknown as { getCallbacks(): CallbackServerLike | undefined }
  ).getCallbacks();
  if (!server) throw new Error("mock stack transforms: no callback server");
  for (const token of tokens) {
    const treq = new resourceProto.TransformRequest();
    treq.setType(req.getType());
    treq.setName(req.getName());
    treq.setCustom(req.getCustom());
    treq.setParent(req.getParent());
    treq.setProperties(req.getObject() as Parameters<typeof treq.setProperties>[0]);
    treq.setOptions(new resourceProto.TransformResourceOptions());
    const call = new callbackProto.CallbackInvokeRequest();
    call.setToken(token);
    call.setRequest(treq.serializeBinary());
    const resp = await new Promise<{ getResponse_asU8(): Uint8Array }>((resolve, reject) =>
      server.invoke({ request: call }, (err, r) => (err || !r ? reject(err) : resolve(r))),
    );
    const tresp = resourceProto.TransformResponse.deserializeBinary(resp.getResponse_asU8());
    req.setObject(tresp.getProperties());
  }
}
