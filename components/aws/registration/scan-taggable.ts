/**
 * Finds the AWS resource types that take a tag map, by reading the installed
 * `@pulumi/aws` package: a resource's class carries its type token
 * (`__pulumiType`), and its `<Class>Args` interface declares `tags?` as a map
 * of strings when (and only when) the resource accepts AWS tags. This is the
 * approach of Pulumi's auto-tagging guide (a generated list of taggable
 * types), regenerated from the very SDK version the project pins.
 *
 * Regenerate after upgrading @pulumi/aws:
 *   npx sucrase-node components/aws/registration/scan-taggable.ts
 * The test `transform-taggable.test.ts` fails when the committed list is stale.
 */
import * as fs from "fs";
import * as path from "path";

/** The result of a scan: types taking a tag map, and types whose `tags` has another shape. */
export interface TaggableScan {
  readonly map: string[];
  readonly other: Record<string, string>;
}

function* jsFiles(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules" && entry.name !== "types") yield* jsFiles(p);
    } else if (entry.name.endsWith(".js")) {
      yield p;
    }
  }
}

/** Scans an installed `@pulumi/aws` directory. */
export function scanTaggableTypes(awsPackageDir: string): TaggableScan {
  const map: string[] = [];
  const other: Record<string, string> = {};
  for (const file of jsFiles(awsPackageDir)) {
    const js = fs.readFileSync(file, "utf8");
    const token = /static __pulumiType = '([^']+)'/.exec(js)?.[1];
    if (!token) continue;
    const dtsFile = file.replace(/\.js$/, ".d.ts");
    if (!fs.existsSync(dtsFile)) continue;
    const dts = fs.readFileSync(dtsFile, "utf8");
    const cls = /export declare class (\w+) extends/.exec(dts)?.[1];
    if (!cls) continue;
    const body = new RegExp(`export interface ${cls}Args \\{([\\s\\S]*?)\\n\\}`).exec(dts)?.[1];
    const tags = body === undefined ? undefined : /\n {4}tags\?: ([^\n]*)/.exec(body)?.[1];
    if (tags === undefined) continue;
    if (tags.startsWith("pulumi.Input<{")) map.push(token);
    else other[token] = tags;
  }
  map.sort();
  return { map, other };
}

/** The installed `@pulumi/aws` directory. */
export function installedAwsPackageDir(): string {
  return path.dirname(require.resolve("@pulumi/aws/package.json"));
}

if (require.main === module) {
  const scan = scanTaggableTypes(installedAwsPackageDir());
  const version = (
    JSON.parse(fs.readFileSync(path.join(installedAwsPackageDir(), "package.json"), "utf8")) as {
      version: string;
    }
  ).version;
  const out = path.join(__dirname, "aws-taggable-types.json");
  fs.writeFileSync(out, `${JSON.stringify({ awsVersion: version, types: scan.map }, null, 2)}\n`);
  console.log(`wrote ${scan.map.length} types for @pulumi/aws ${version} to ${out}`);
}
