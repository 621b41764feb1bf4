/** The SDK's `proto/provider_grpc_pb` (see lazy.ts). */
import { fromSdk, lazyModule } from "./lazy";

module.exports = lazyModule(fromSdk("./proto/provider_grpc_pb"));
