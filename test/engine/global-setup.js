// Builds (or reuses) the engine once before the engine tests: engine/build.sh.
"use strict";
const { execFileSync } = require("child_process");
const path = require("path");

module.exports = async () => {
  execFileSync(path.join(__dirname, "..", "..", "engine", "build.sh"), { stdio: "inherit" });
};
