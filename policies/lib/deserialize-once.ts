/**
 * One deserialization per request instead of one per policy.
 *
 * @pulumi/policy's analyzer deserializes a resource's properties again for
 * every policy it runs (`deserializeProperties(req.getProperties(), false)`
 * inside its policy loop): with 35 policies that is 35 deep copies of every
 * resource, most of the pack's time. The copy is a pure function of the
 * request's Struct, and policies only read it, so we remember the result per
 * Struct instance (a WeakMap: it lives as long as the request). The SDK still
 * wraps it in its own unknown-checking proxy per policy. Remediation (which
 * deserializes with secrets proxied and returns new inputs) is not memoised.
 *
 * This patches a module of the pinned SDK (@pulumi/policy 1.21.0) at its
 * export, which the analyzer reads at call time; the protocol and in-process
 * tests run through it. Installed by `policies/run.js`, the pack's entry.
 */

type Deserialize = (struct: object, proxySecrets: boolean) => Record<string, unknown>;

const MARK = Symbol.for("paved.deserializeOnce");

/** Installs the memo once per SDK module instance; returns true when it installed it now. */
export function installDeserializeOnce(): boolean {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require("@pulumi/policy/deserialize") as {
    deserializeProperties: Deserialize & { [MARK]?: true };
  };
  if (mod.deserializeProperties[MARK]) return false;
  const original = mod.deserializeProperties;
  const memo = new WeakMap<object, Record<string, unknown>>();
  const once: Deserialize & { [MARK]?: true } = (struct, proxySecrets) => {
    if (proxySecrets || !struct || typeof struct !== "object") return original(struct, proxySecrets);
    let props = memo.get(struct);
    if (!props) {
      props = original(struct, false);
      memo.set(struct, props);
    }
    return props;
  };
  once[MARK] = true;
  mod.deserializeProperties = once;
  return true;
}
