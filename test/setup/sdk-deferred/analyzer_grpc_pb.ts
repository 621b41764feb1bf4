/** The SDK's `proto/analyzer_grpc_pb` (see lazy.ts). */
import { fromSdk, lazyModule } from "./lazy";

module.exports = lazyModule(fromSdk("./proto/analyzer_grpc_pb"));
