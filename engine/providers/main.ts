/**
 * Entry of the stand-in provider plugins: `node main.ts <package> <engine-address>`.
 * The wrapper scripts `engine/build.sh` writes (`pulumi-resource-aws`, ...) call it.
 */
import { main } from "@pulumi/pulumi/provider";
import { STANDIN_PACKAGES, StandinPackage, standinProvider } from "./standin";

const [pkg, ...rest] = process.argv.slice(2);
if (!(pkg in STANDIN_PACKAGES)) {
  process.stderr.write(
    `paved stand-in provider: unknown package "${pkg}"; use one of ${Object.keys(STANDIN_PACKAGES).join(", ")}\n`,
  );
  process.exit(2);
}
void main(standinProvider(pkg as StandinPackage), rest);
