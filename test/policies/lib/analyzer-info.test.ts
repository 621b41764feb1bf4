/**
 * The pack's GetAnalyzerInfo answer (policies/lib/analyzer-info.ts) against
 * the SDK's own (`makeAnalyzerInfo` of the pinned @pulumi/policy) for the
 * whole pack: the same bytes on the wire, the same message as an object, the
 * same schemas read back, and an initial config carried as the SDK carries it.
 */
import type * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import { getAnalyzerInfoRpc, makeAnalyzerInfo, SchemaStruct } from "../../../policies/lib/analyzer-info";
import { packArgs } from "../../../policies/pack";

const sdk = require("@pulumi/policy/protoutil") as {
  makeAnalyzerInfo(n: string, v: string, l: string, a: unknown, c: unknown): analyzerpb.AnalyzerInfo;
};
const initialConfig = {
  "aws-ebs-volume-encrypted": "mandatory",
  "paved-required-tags": { additionalKeys: ["team"] },
};
const theirs = () => sdk.makeAnalyzerInfo("paved", "1.2.3", "advisory", packArgs, initialConfig);
const ours = () => makeAnalyzerInfo("paved", "1.2.3", "advisory", packArgs, initialConfig);

test("the same bytes on the wire as the SDK's answer, for every policy of the pack", () => {
  expect(Buffer.from(ours().serializeBinary()).equals(Buffer.from(theirs().serializeBinary()))).toBe(true);
});

test("the same message as an object (toObject), schemas and initial config included", () => {
  const a = ours().toObject();
  expect(a.policiesList.length).toBe(packArgs.policies.length);
  expect(a.policiesList.filter((p) => p.configschema?.properties).length).toBeGreaterThan(100);
  expect(a).toEqual(theirs().toObject());
});

test("a schema read back in-process is the schema itself, equal to what the SDK's Struct converts back to", () => {
  const a = ours().getPoliciesList();
  const b = theirs().getPoliciesList();
  a.forEach((p, i) => {
    const props = p.getConfigschema()?.getProperties();
    expect(props?.toJavaScript()).toEqual(b[i].getConfigschema()?.getProperties()?.toJavaScript());
    if (props) expect(props).toBeInstanceOf(SchemaStruct);
  });
  const own = packArgs.policies.find((p) => p.configSchema)!;
  const read = a
    .find((p) => p.getName() === own.name)!
    .getConfigschema()!
    .getProperties()!
    .toJavaScript();
  expect(read).toBe(own.configSchema!.properties);
});

test("the handler builds the answer once and hands the same message to every call", async () => {
  const rpc = getAnalyzerInfoRpc("paved", "1.2.3", "advisory", packArgs, undefined);
  const call = () =>
    new Promise<unknown>((resolve, reject) => rpc({ request: {} }, (e, r) => (e ? reject(e) : resolve(r))));
  const first = await call();
  expect((first as analyzerpb.AnalyzerInfo).getName()).toBe("paved");
  expect(await call()).toBe(first);
});

test("a pack the SDK cannot describe fails as the SDK's handler does, as a gRPC error", async () => {
  const broken = {
    policies: [
      { name: "x", description: "d", enforcementLevel: "nonsense", validateResource: () => undefined },
    ],
  };
  const rpc = getAnalyzerInfoRpc("paved", "1.2.3", "advisory", broken as never, undefined);
  const err = await new Promise<unknown>((resolve) => rpc({ request: {} }, (e) => resolve(e)));
  expect(err).toBeInstanceOf(Error);
  expect(() => sdk.makeAnalyzerInfo("paved", "1.2.3", "advisory", broken, undefined)).toThrow();
});
