/** The SDK's `proto/resource_grpc_pb` (see lazy.ts). */
import { fromSdk, lazyModule } from "./lazy";

module.exports = lazyModule(fromSdk("./proto/resource_grpc_pb"));
