/** `@pulumi/pulumi`'s `require("./automation")` (see lazy.ts). */
import { fromSdk, lazyModule } from "./lazy";

module.exports = lazyModule(fromSdk("./automation"));
