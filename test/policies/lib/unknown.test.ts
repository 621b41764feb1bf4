/** lib/unknown.ts: the one "cannot tell during preview" error every policy throws. */
import { defineResourcePolicy } from "../../../policies/lib/define";
import { isUnknownValueError } from "../../../policies/lib/props";
import { previewUnknown, UnknownValueError } from "../../../policies/lib/unknown";
import { runPolicy } from "../harness";

test("previewUnknown builds the error the pack recognises as 'unknown during preview'", () => {
  const e = previewUnknown("x is not known until apply");
  expect(e).toBeInstanceOf(UnknownValueError);
  expect(e.message).toBe("x is not known until apply");
  expect(isUnknownValueError(e)).toBe(true);
  expect(isUnknownValueError(new Error("x"))).toBe(false);
});

test("a policy that throws it gets one advisory 'skipped during preview' note, not a violation", async () => {
  const def = defineResourcePolicy({
    name: "test-unknown",
    description: "A test policy.",
    category: "storage",
    severity: "high",
    defaultLevel: "mandatory",
    remediation: ["Fix it."],
    frameworks: [],
    check: () => {
      throw previewUnknown("volume size is not known until apply");
    },
  });
  const vs = await runPolicy(def, { type: "aws:ebs/volume:Volume", props: {} });
  expect(vs).toHaveLength(1);
  expect(vs[0].enforcementLevel).toBe("advisory");
  expect(vs[0].message).toMatch(
    /skipped during preview: volume size is not known until apply; it is checked again on update/,
  );
});
