/**
 * `npm run test:release`: the package as an app team gets it. The build the release runs, `npm
 * pack`, an offline install of the tarball into a temporary project that type-checks against the
 * shipped declarations and builds a component from the installed copy, the policy pack's bundle,
 * and the version stamps (docs/release.md). Apart from `npm test`: they build and install the whole
 * package (a `tsc` build, npm, a second `tsc`: about a sixth of the old `npm test`'s CPU) and test
 * the packaging rather than behaviour; the release runs them, and so does `.ci/run`.
 */
const { singleProject } = require("./test/setup/single-project");

module.exports = singleProject({
  displayName: "release",
  roots: ["<rootDir>/test/release"],
});
