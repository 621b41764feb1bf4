/**
 * The in-process transport's lazy Struct must be indistinguishable from a
 * built one for every reader: the policy SDK (toJavaScript) and protobuf
 * serialization (a request that does go on a wire).
 */
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import { lazyStruct, toStruct } from "../../cli/engine/analyzer-proto";

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

  test("toJavaScript returns a copy: a reader's changes never reach the inputs", () => {
    const copy = lazyStruct(inputs).toJavaScript() as { tags: { owner: string } };
    copy.tags.owner = "someone else";
    expect(inputs.tags.owner).toBe("team");
  });

  test("on a wire (inside a request) it serializes to the same bytes as a built Struct", () => {
    const req = (s: ReturnType<typeof toStruct>) =>
      new analyzerpb.AnalyzeRequest().setType("aws:ec2/vpc:Vpc").setProperties(s).serializeBinary();
    expect(Buffer.from(req(lazyStruct(inputs)))).toEqual(Buffer.from(req(toStruct(inputs))));
    expect(lazyStruct(inputs).getFieldsMap().get("name")?.getStringValue()).toBe("web");
  });
});
