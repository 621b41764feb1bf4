/**
 * Jest stand-in (moduleNameMapper) for the Pulumi SDK's Automation API, which
 * `@pulumi/pulumi`'s index loads eagerly (`pulumi.automation`): about 60
 * modules (execa, tmp, js-yaml and their kin) loaded again in every test
 * file's module registry, and used by none. The stand-in is the namespace the
 * CLI gives programs outside jest (cli/engine/loader.ts, `lazyNamespace`): it
 * loads the real module on first use and forwards to it, so only the load moves.
 * test/helpers/sdk-deferred.test.ts pins the SDK request this maps.
 */
import * as path from "path";
import { lazyNamespace } from "../../cli/engine/loader";

const file = path.join(
  path.dirname(require.resolve("@pulumi/pulumi/package.json")),
  "automation",
  "index.js",
);
let real: object | undefined;

// The real module by its path, which the mapper (relative requests only) leaves alone.
module.exports = lazyNamespace(() => (real ??= require(file) as object));
