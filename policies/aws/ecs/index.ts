/**
 * ECS: what a task definition's containers carry (credentials in the
 * environment, unpinned images). An explicit list, in docs order:
 * `policies/pack.ts` concatenates it.
 */
import type { PolicyDefinition } from "../../lib/define";
import { ecsImagePinned } from "./image-pinned";
import { ecsNoPlaintextEnvSecrets } from "./no-plaintext-env-secrets";

export const ecsPolicies: readonly PolicyDefinition[] = [ecsNoPlaintextEnvSecrets, ecsImagePinned];
