const { SWC_OPTIONS } = require("./scripts/swc-options");

/**
 * Jest only transpiles the TypeScript sources, with swc (@swc/jest: one file
 * at a time, no type-checking, as `isolatedModules`); `npm run typecheck` type-checks
 * the whole tree once. swc transpiles the tree in 0.5 s where ts-jest's
 * `transpileModule` takes 18 s (bench/RESULTS.md, "Test-suite budget, cold").
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  // The real-engine tests need Go and a built engine: `npm run test:engine` (jest.engine.config.js).
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/engine/"],
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
  testTimeout: 60000,
  // Every core: jest's default leaves one for itself (1 worker on a 2-core CI box),
  // but the main process only schedules. Measured on 2 cores: 118 s -> 67 s.
  maxWorkers: "100%",
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
