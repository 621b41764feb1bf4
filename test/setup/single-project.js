/**
 * A jest configuration of its own for one directory of tests, with the isolated project's setup
 * (jest.config.js: swc, the SDK stand-ins, a fresh module registry per file) and the suite's
 * global options: jest.release.config.js and jest.engine.config.js.
 */
"use strict";

/** @param {import('jest').Config} own what the configuration sets itself (its roots, at least) */
function singleProject(own) {
  const {
    projects: [isolated],
    ...global
  } = require("../../jest.config.js");
  return { ...global, ...isolated, testPathIgnorePatterns: ["/node_modules/"], ...own };
}

module.exports = { singleProject };
