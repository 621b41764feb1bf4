/** `require("@opentelemetry/api")` (see lazy.ts). */
import { fromSdk, lazyModule } from "./lazy";

module.exports = lazyModule(fromSdk("@opentelemetry/api"));
