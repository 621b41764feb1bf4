/** The SDK's `proto/engine_grpc_pb` (see lazy.ts). */
import { fromSdk, lazyModule } from "./lazy";

module.exports = lazyModule(fromSdk("./proto/engine_grpc_pb"));
