/**
 * The in-process transport's lazy Struct must be indistinguishable from a
 * built one for every reader: the policy SDK (toJavaScript) and protobuf
 * serialization (a request that does go on a wire).
 */
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import { holdsUndefined, lazyStruct, toStruct } from "../../cli/engine/analyzer-proto";

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
