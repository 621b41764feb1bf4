/**
 * `npm run test:engine`: the tests that run the real Pulumi engine (built by
 * engine/build.sh from its Go modules) over the examples and stacks/. Apart
 * from `npm test` because they need Go and take minutes; `.ci/run` runs both.
 * One file at a time: each runs the CLI, which uses both cores.
 */
const { singleProject } = require("./test/setup/single-project");

module.exports = singleProject({
  displayName: "engine",
  roots: ["<rootDir>/test/engine"],
  globalSetup: "<rootDir>/test/engine/global-setup.js",
  testTimeout: 600000,
  maxWorkers: 1,
});
