import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { installDeserializeOnce } from "../../../policies/lib/deserialize-once";

const mod = require("@pulumi/policy/deserialize") as {
  deserializeProperties: (s: Struct, proxySecrets: boolean) => Record<string, unknown>;
};

test("one deserialization per Struct; secrets-proxied (remediation) calls are not memoised", () => {
  expect(installDeserializeOnce()).toBe(true);
  expect(installDeserializeOnce()).toBe(false); // idempotent
  const a = Struct.fromJavaScript({ x: 1, nested: { y: [1, 2] } });
  const b = Struct.fromJavaScript({ x: 1, nested: { y: [1, 2] } });
  const first = mod.deserializeProperties(a, false);
  expect(first).toEqual({ x: 1, nested: { y: [1, 2] } });
  expect(mod.deserializeProperties(a, false)).toBe(first);
  expect(mod.deserializeProperties(b, false)).not.toBe(first);
  expect(mod.deserializeProperties(a, true)).not.toBe(first);
});
