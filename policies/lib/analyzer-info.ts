/**
 * The pack's GetAnalyzerInfo answer, as the SDK's (`protoutil.makeAnalyzerInfo`,
 * called here with the same arguments), except that each policy's config
 * schema properties are a {@link SchemaStruct}: the protobuf fields are built
 * only when something reads them as protobuf (the engine's wire:
 * `serializeBinary`), while `toJavaScript()`, which is all an in-process
 * client reads, answers the schema itself. Building 174 Structs of JSON Schema
 * (216 KB, the exemptions schema repeated in each) took about 300 ms of CPU per
 * `paved check` only for the client to read them back (bench/RESULTS.md).
 * The answer is fixed when the pack is served, so it is built once.
 * test/policies/analyzer-info.test.ts pins it to the SDK's: the same bytes,
 * the same object, the same schemas read back.
 */
import type * as policy from "@pulumi/policy";
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { LazyStructBase } from "./lazy-struct";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- an internal module of the pinned SDK, untyped
const protoutil = require("@pulumi/policy/protoutil") as {
  makeAnalyzerInfo(
    name: string,
    version: string,
    level: string,
    args: policy.PolicyPackArgs,
    initialConfig: unknown,
  ): analyzerpb.AnalyzerInfo;
  asGrpcError(e: unknown, message?: string): Error;
};

type JavaScript = ReturnType<Struct["toJavaScript"]>;

/** A config schema's properties as a Struct built on first protobuf read; `toJavaScript()` is the schema. */
export class SchemaStruct extends LazyStructBase {
  constructor(private readonly properties: JavaScript) {
    super();
  }

  protected build(): Struct {
    return Struct.fromJavaScript(this.properties);
  }

  override toJavaScript(): JavaScript {
    return this.properties;
  }
}

/** The AnalyzerInfo the SDK would answer for this pack, with {@link SchemaStruct} properties. */
export function makeAnalyzerInfo(
  name: string,
  version: string,
  level: string,
  args: policy.PolicyPackArgs,
  initialConfig: unknown,
): analyzerpb.AnalyzerInfo {
  const policies = args.policies ?? [];
  // Everything but the schemas, by the SDK itself; then the schemas, as it sets them.
  const bare = {
    ...args,
    policies: policies.map((p) => (p.configSchema ? { ...p, configSchema: undefined } : p)),
  };
  const info = protoutil.makeAnalyzerInfo(name, version, level, bare, initialConfig);
  const infos = info.getPoliciesList();
  policies.forEach((p, i) => {
    if (!p.configSchema) return;
    const schema = new analyzerpb.PolicyConfigSchema();
    schema.setProperties(new SchemaStruct(p.configSchema.properties as JavaScript));
    if (p.configSchema.required) schema.setRequiredList(p.configSchema.required);
    infos[i].setConfigschema(schema);
  });
  return info;
}

type Rpc = (call: { request: unknown }, callback: (err: unknown, resp?: unknown) => void) => void;

/** The GetAnalyzerInfo handler: {@link makeAnalyzerInfo}'s answer, built on the first call (errors as the SDK's). */
export function getAnalyzerInfoRpc(
  name: string,
  version: string,
  level: string,
  args: policy.PolicyPackArgs,
  initialConfig: unknown,
): Rpc {
  let info: analyzerpb.AnalyzerInfo | undefined;
  return (_call, callback) => {
    try {
      info ??= makeAnalyzerInfo(name, version, level, args, initialConfig);
    } catch (e) {
      callback(protoutil.asGrpcError(e));
      return;
    }
    callback(undefined, info);
  };
}
