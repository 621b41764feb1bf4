const { SWC_OPTIONS } = require("./scripts/swc-options");
const { TEST_TIMEOUT_MS } = require("./test/setup/light-runner/timeout");

/**
 * Two jest projects, one suite (`npx jest <file>` finds a file in either):
 *
 * - **isolated**: jest's own runner. Each test file gets a fresh module registry, which is what a
 *   test of process-level state needs: the Pulumi SDK's runtime (mocks, the stack resource), a
 *   policy pack loaded in-process (one per process, as @pulumi/policy has it), `jest.mock` and
 *   `jest.isolateModules`.
 * - **shared-modules**: the policy tests, run by jest-light-runner in worker threads that load each
 *   module once, as a pack process does. A policy is a pure function of the resources and the
 *   config it is given (policies/lib/stack.ts reads the config on every call), so nothing one file
 *   does reaches another. Fresh registries cost these 127 files twice the CPU (bench/RESULTS.md,
 *   tenth round). A file that needs isolation is listed in `NEEDS_ISOLATION`; what the light runner
 *   does not have fails loudly (test/setup/light-runner/guard.js).
 *
 * Both transpile with swc, one file at a time, no type-checking (as `isolatedModules`); `npm run
 * typecheck` type-checks the whole tree once. swc transpiles the tree in 0.5 s where ts-jest's
 * `transpileModule` takes 18 s (bench/RESULTS.md, "Test-suite budget, cold").
 */

/** The directory the shared-modules project runs. */
const SHARED = "test/policies/";
/** The files under it that touch process-level state: a pack loaded in-process, jest.isolateModules. */
const NEEDS_ISOLATION = ["inprocess.test.ts", "lib/k8s-api-validators.test.ts"];
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Under SHARED, but not one of NEEDS_ISOLATION (a path pattern: a regular expression). */
const SHARED_ONLY = `<rootDir>/${SHARED}(?!(?:${NEEDS_ISOLATION.map(escape).join("|")})$)`;

/** @type {import('jest').Config} */
const isolated = {
  displayName: "isolated",
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  testPathIgnorePatterns: [
    "/node_modules/",
    // The real-engine tests need Go and a built engine: `npm run test:engine` (jest.engine.config.js).
    "<rootDir>/test/engine/",
    // The package as an app team installs it: `npm run test:release` (jest.release.config.js).
    "<rootDir>/test/release/",
    SHARED_ONLY,
  ],
  transform: {
    "^.+\\.ts$": [
      "@swc/jest",
      {
        ...SWC_OPTIONS,
        // `jest.mock` calls would be hoisted (@swc/jest sets that).
        // Stack traces point at the TypeScript lines.
        sourceMaps: "inline",
      },
    ],
  },
  // Beside the CLI's and ESLint's caches, so a fresh clone starts cold, as CI does
  // (jest's default, a shared /tmp/jest_*, would carry one checkout's cache to the next).
  cacheDirectory: "<rootDir>/node_modules/.cache/jest",
  // Pulumi's runtime keeps module-level state (mocks, the stack resource):
  // one module registry per test file keeps files independent.
  resetModules: false,
  // The SDK's bookkeeping stack captures skip source mapping (see the file: 8x on component tests).
  setupFilesAfterEnv: ["<rootDir>/test/setup/sdk-stack-traces.js"],
  // Examples import the library as an app team does (`from "paved"`).
  moduleNameMapper: {
    "^paved$": "<rootDir>/components/index.ts",
    // The SDK's closure serialization (and the TypeScript compiler, npm's arborist and sigstore
    // behind it) loads on first use, not in every test file (see the file).
    "^\\./closure/(serializeClosure|codePaths)$": "<rootDir>/test/setup/sdk-closure.js",
    // What the SDKs require as they load but use only inside functions (the Automation API, gRPC and
    // its service modules, OpenTelemetry): loaded on first use, as cli/engine/loader.ts does outside
    // jest (see test/setup/sdk-deferred/lazy.ts).
    "^\\./automation$": "<rootDir>/test/setup/sdk-deferred/automation.ts",
    "^@grpc/grpc-js$": "<rootDir>/test/setup/sdk-deferred/grpc-js.ts",
    "^@opentelemetry/api$": "<rootDir>/test/setup/sdk-deferred/opentelemetry-api.ts",
    "^(?:\\.\\./proto|@pulumi/pulumi/proto)/(analyzer|callback|engine|provider|resource)_grpc_pb$":
      "<rootDir>/test/setup/sdk-deferred/$1_grpc_pb.ts",
  },
};

/** @type {import('jest').Config} */
const sharedModules = {
  displayName: "shared-modules",
  runner: "jest-light-runner",
  roots: [`<rootDir>/${SHARED}`],
  testMatch: ["**/*.test.ts"],
  testPathIgnorePatterns: [
    "/node_modules/",
    ...NEEDS_ISOLATION.map((f) => `<rootDir>/${SHARED}${escape(f)}$`),
  ],
  // TypeScript through swc with the same options as the isolated project, by Node's own loader.
  setupFiles: ["<rootDir>/test/setup/light-runner/register.js"],
  setupFilesAfterEnv: ["<rootDir>/test/setup/light-runner/guard.js"],
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [isolated, sharedModules],
  // Both projects: jest's runner enforces it, the light runner's setup wraps each test with it.
  testTimeout: TEST_TIMEOUT_MS,
  // Every core: jest's default leaves one for itself (1 worker on a 2-core CI box),
  // but the main process only schedules. Measured on 2 cores: 118 s -> 67 s.
  maxWorkers: "100%",
};
