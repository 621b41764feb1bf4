// The pack process's program: serve the policies in pack.ts. Nothing else may
// live here: tests and tools import pack.ts, never this file (constructing a
// PolicyPack starts the gRPC server).
import { PolicyPack } from "@pulumi/policy";
import { packArgs } from "./pack";

new PolicyPack("paved", packArgs);
