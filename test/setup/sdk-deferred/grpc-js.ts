/** `require("@grpc/grpc-js")` (see lazy.ts). */
import { fromSdk, lazyModule } from "./lazy";

module.exports = lazyModule(fromSdk("@grpc/grpc-js"));
