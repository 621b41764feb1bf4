import * as fs from "fs";
import * as path from "path";

/**
 * Finds the `paved` package.json by walking up from this file, so the version
 * is read from one place both in the sources (`components/core`) and in the
 * compiled package (`dist/components/core`). The version is never typed twice.
 */
function readOwnPackage(): { name: string; version: string } {
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, "package.json");
    if (fs.existsSync(candidate)) {
      const pkg = JSON.parse(fs.readFileSync(candidate, "utf8")) as { name?: string; version?: string };
      if (pkg.name === "paved" && typeof pkg.version === "string") {
        return { name: pkg.name, version: pkg.version };
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`paved: package.json not found above ${__dirname}`);
    }
    dir = parent;
  }
}

const own = readOwnPackage();

/** The version of the `paved` package, stamped on every resource as `paved:version`. */
export const PAVED_VERSION: string = own.version;
