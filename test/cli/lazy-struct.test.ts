/**
 * The in-process transport's lazy Struct must be indistinguishable from a
 * built one for every reader: the policy SDK (toJavaScript) and protobuf
 * serialization (a request that does go on a wire).
 */
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import {
  AnalyzerResourceRecord,
  LazyAnalyzeRequest,
  LazyAnalyzerResource,
  holdsUndefined,
  lazyStruct,
  requestParts,
  toAnalyzeRequest,
  toAnalyzerResource,
  toStruct,
} from "../../cli/engine/analyzer-proto";

const inputs = {
  name: "web",
  size: 10,
  encrypted: false,
  missing: undefined,
  nothing: null,
  tags: { owner: "team", empty: {} },
  ingress: [{ fromPort: 22, cidrBlocks: ["0.0.0.0/0", undefined] }, []],
  unknown: "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
};

describe("lazyStruct", () => {
  test("toJavaScript answers what a built Struct converts back to", () => {
    expect(lazyStruct(inputs).toJavaScript()).toEqual(toStruct(inputs).toJavaScript());
  });

  test("with an undefined inside, toJavaScript returns a copy without it, made once", () => {
    const s = lazyStruct(inputs);
    const copy = s.toJavaScript() as { tags: { owner: string } };
    expect(copy).not.toBe(inputs);
    expect("missing" in copy).toBe(false);
    expect(s.toJavaScript()).toBe(copy);
  });

  test("with nothing to leave out, toJavaScript answers the inputs themselves (no copy per resource)", () => {
    const clean = { name: "web", tags: { owner: "team" }, ports: [80, 443] };
    expect(lazyStruct(clean).toJavaScript()).toBe(clean);
    expect(lazyStruct(clean).toJavaScript()).toEqual(toStruct(clean).toJavaScript());
  });

  test("holdsUndefined finds an undefined at any depth, and only then", () => {
    expect(holdsUndefined({ a: [1, { b: undefined }] })).toBe(true);
    expect(holdsUndefined({ a: [1, { b: null }], c: "" })).toBe(false);
  });

  test("on a wire (inside a request) it serializes to the same bytes as a built Struct", () => {
    const req = (s: ReturnType<typeof toStruct>) =>
      new analyzerpb.AnalyzeRequest().setType("aws:ec2/vpc:Vpc").setProperties(s).serializeBinary();
    expect(Buffer.from(req(lazyStruct(inputs)))).toEqual(Buffer.from(req(toStruct(inputs))));
    expect(lazyStruct(inputs).getFieldsMap().get("name")?.getStringValue()).toBe("web");
  });
});

describe("lazy requests (in-process Analyze and AnalyzeStack)", () => {
  const record: AnalyzerResourceRecord = {
    type: "aws:s3/bucket:Bucket",
    urn: "urn:pulumi:dev::p::aws:s3/bucket:Bucket::b",
    name: "b",
    inputs: { bucket: "b", tags: { owner: "team" } },
    parent: "urn:pulumi:dev::p::paved:aws:Thing::t",
    dependencies: ["urn:pulumi:dev::p::aws:kms/key:Key::k"],
    providerResource: {
      type: "pulumi:providers:aws",
      urn: "urn:pulumi:dev::p::pulumi:providers:aws::default",
      name: "default",
      inputs: { region: "eu-west-1" },
    },
  };
  const parts = () => requestParts(record);

  test("an Analyze request reads, serializes and converts as the built one", () => {
    const lazy = new LazyAnalyzeRequest(record, parts());
    const built = toAnalyzeRequest(record);
    expect([lazy.getType(), lazy.getUrn(), lazy.getName(), lazy.hasProvider()]).toEqual([
      built.getType(),
      built.getUrn(),
      built.getName(),
      built.hasProvider(),
    ]);
    expect(lazy.getOptions().getParent()).toBe(built.getOptions()?.getParent());
    expect(lazy.toObject()).toEqual(built.toObject());
    expect(Buffer.from(lazy.serializeBinary())).toEqual(Buffer.from(built.serializeBinary()));
  });

  test("a stack resource reads as the built one, alone and inside an AnalyzeStack request on a wire", () => {
    const lazy = new LazyAnalyzerResource(record, parts());
    const built = toAnalyzerResource(record);
    expect([lazy.getParent(), lazy.getDependenciesList()]).toEqual([
      built.getParent(),
      built.getDependenciesList(),
    ]);
    expect(lazy.toObject()).toEqual(built.toObject());
    const wire = (r: analyzerpb.AnalyzerResource) =>
      Buffer.from(new analyzerpb.AnalyzeStackRequest().setResourcesList([r]).serializeBinary());
    expect(wire(lazy)).toEqual(wire(built));
  });
});
