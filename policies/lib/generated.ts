/**
 * The pack's generated files (docs/policies.md, docs/coverage.md, the sample
 * pack configs) and their expected contents: what
 * `scripts/gen-policy-docs.js` writes and what the staleness test compares
 * against, formatted with the repo's prettier config so `npm run lint` agrees.
 * Prettier 3 loads its plugins through dynamic import, which jest's CommonJS
 * runtime refuses, so formatting runs in one child Node process.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { renderCoverage } from "../crossref/render";
import { policies } from "../pack";
import { STAGES, renderPackConfig, renderPolicyDocs } from "./docs";

const FORMAT_ALL = `
const prettier = require("prettier");
let input = "";
process.stdin.on("data", (c) => (input += c));
process.stdin.on("end", async () => {
  const files = JSON.parse(input);
  const out = {};
  for (const [filepath, text] of Object.entries(files)) {
    const options = (await prettier.resolveConfig(filepath)) || {};
    out[filepath] = await prettier.format(text, { ...options, filepath });
  }
  process.stdout.write(JSON.stringify(out));
});
`;

/** Formats files (absolute path to text) with prettier, in one child process. */
function formatAll(files: Record<string, string>, cwd: string): Record<string, string> {
  const out = execFileSync(process.execPath, ["-e", FORMAT_ALL], {
    cwd,
    input: JSON.stringify(files),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out) as Record<string, string>;
}

/** Repo-relative path to expected text, for every generated file. */
export function generatedFiles(root: string): Record<string, string> {
  const { version } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
    version: string;
  };
  const raw: Record<string, string> = { "docs/policies.md": renderPolicyDocs(policies, version) };
  for (const stage of STAGES) raw[`policies/config/${stage}.json`] = renderPackConfig(policies, stage);
  raw["docs/coverage.md"] = renderCoverage(policies);
  const formatted = formatAll(
    Object.fromEntries(Object.entries(raw).map(([f, t]) => [path.join(root, f), t])),
    root,
  );
  return Object.fromEntries(Object.keys(raw).map((f) => [f, formatted[path.join(root, f)]]));
}
