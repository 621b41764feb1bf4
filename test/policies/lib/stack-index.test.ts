import { ofType } from "../../../policies/lib/stack-index";
import type { StackResource } from "../../../policies/lib/types";

const r = (type: string, name: string): StackResource => ({
  type,
  name,
  urn: `urn:pulumi:dev::p::${type}::${name}`,
  props: {},
});
const SG = "aws:ec2/securityGroup:SecurityGroup";
const RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
const BUCKET = "aws:s3/bucket:Bucket";
const stack = [r(SG, "a"), r(BUCKET, "b"), r(RULE, "c"), r(SG, "d"), r(RULE, "e")];
const names = (list: readonly StackResource[]) => list.map((x) => x.name);

test("one type: its resources, in stack order", () => {
  expect(names(ofType(stack, SG))).toEqual(["a", "d"]);
  expect(names(ofType(stack, BUCKET))).toEqual(["b"]);
});

test("several types: their resources interleaved in stack order, as a filter over the stack gives them", () => {
  expect(names(ofType(stack, RULE, SG))).toEqual(["a", "c", "d", "e"]);
  expect(ofType(stack, SG, RULE)).toEqual(stack.filter((x) => x.type === SG || x.type === RULE));
});

test("a type the stack does not hold: nothing; a type named twice counts once", () => {
  expect(ofType(stack, "aws:rds/instance:Instance")).toEqual([]);
  expect(names(ofType(stack, SG, SG))).toEqual(["a", "d"]);
  expect(names(ofType(stack, "aws:rds/instance:Instance", BUCKET))).toEqual(["b"]);
});

test("the index is built once per stack array; another array gets its own", () => {
  expect(ofType(stack, SG)).toBe(ofType(stack, SG));
  const grown = [...stack, r(SG, "f")];
  expect(names(ofType(grown, SG))).toEqual(["a", "d", "f"]);
  expect(names(ofType(stack, SG))).toEqual(["a", "d"]);
});

test("an empty stack has no resource of any type", () => {
  expect(ofType([], SG, RULE)).toEqual([]);
});
