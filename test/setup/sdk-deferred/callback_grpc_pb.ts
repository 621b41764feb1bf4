/** The SDK's `proto/callback_grpc_pb` (see lazy.ts). */
import { fromSdk, lazyModule } from "./lazy";

module.exports = lazyModule(fromSdk("./proto/callback_grpc_pb"));
