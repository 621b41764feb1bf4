/** The generated files (docs/policies.md, docs/coverage.md, policies/config/*.json) match the metadata. */
import * as fs from "fs";
import * as path from "path";
import { generatedFiles } from "../../policies/lib/generated";

const root = path.join(__dirname, "../..");

test("docs/policies.md, docs/coverage.md and the sample pack configs are up to date (run `npm run docs:policies`)", () => {
  const expected = generatedFiles(root);
  expect(Object.keys(expected).sort()).toEqual([
    "docs/coverage.md",
    "docs/policies.md",
    "policies/config/dev.json",
    "policies/config/prod.json",
    "policies/config/staging.json",
  ]);
  for (const [file, text] of Object.entries(expected)) {
    const actual = fs.existsSync(path.join(root, file)) ? fs.readFileSync(path.join(root, file), "utf8") : "";
    expect({ file, text: actual }).toEqual({ file, text });
  }
});
