/**
 * Pins what test/setup/sdk-closure.js (jest's stand-in for the SDK's closure
 * serialization, mapped in jest.config.js) relies on in the pinned Pulumi SDK,
 * and shows the stand-in still serializes: an SDK that renames or moves these
 * modules fails here instead of silently loading them in every file again, or
 * breaking a test that serializes a function.
 */
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";

const sdk = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
const standIn = require("../setup/sdk-closure.js") as Record<string, unknown>;

test("the SDK's runtime loads the two closure modules by the relative requests jest maps", () => {
  const index = fs.readFileSync(path.join(sdk, "runtime", "index.js"), "utf8");
  expect(index).toContain('require("./closure/serializeClosure")');
  expect(index).toContain('require("./closure/codePaths")');
});

test("the stand-in exports every function the real modules export", () => {
  const real = {
    ...(jest.requireActual(path.join(sdk, "runtime", "closure", "serializeClosure.js")) as object),
    ...(jest.requireActual(path.join(sdk, "runtime", "closure", "codePaths.js")) as object),
  } as Record<string, unknown>;
  const functions = Object.keys(real).filter((k) => typeof real[k] === "function");
  expect(functions.sort()).toEqual(
    Object.keys(standIn)
      .filter((k) => typeof standIn[k] === "function")
      .sort(),
  );
});

test("a function serializes through the stand-in, as through the real module", async () => {
  const rate = 3;
  const serialized = await pulumi.runtime.serializeFunction((x: number) => x * rate);
  expect(serialized.text).toContain("rate");
  expect(serialized.text).toContain("exports.handler");
});
