/**
 * Jest runs the TypeScript sources through ts-jest without type-checking
 * (isolatedModules): `npm run typecheck` does that once for the whole tree,
 * which keeps a test file at about 1.6 s instead of 7 s.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  // The real-engine tests need Go and a built engine: `npm run test:engine` (jest.engine.config.js).
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/engine/"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.jest.json" }],
  },
  // Pulumi's runtime keeps module-level state (mocks, the stack resource):
  // one module registry per test file keeps files independent.
  resetModules: false,
  testTimeout: 60000,
  // Every core: jest's default leaves one for itself (1 worker on a 2-core CI box),
  // but the main process only schedules. Measured on 2 cores: 118 s -> 67 s.
  maxWorkers: "100%",
  // Examples import the library as an app team does (`from "paved"`).
  moduleNameMapper: { "^paved$": "<rootDir>/components/index.ts" },
};
