// Registers the CLI's TypeScript loader (cli/engine/loader.ts: sucrase with a
// content-addressed cache, `paved` self-resolution, deferred SDK internals)
// in a clone, where the CLI runs from its sources. Shared by bin/paved.js and
// the policy pack's entry (policies/run.js), so both start the same way.
//
// The loader is TypeScript, so no hook can load it yet: it is transpiled here
// by hand, and the output cached beside the loader's own cache
// (node_modules/.cache/paved/ts), keyed by sucrase's version and the source,
// so a warm start never loads sucrase at all (59 modules, about 40 ms).
"use strict";
const fs = require("fs");
const path = require("path");
const Module = require("module");

const root = path.resolve(__dirname, "..");

/** The loader's transpiled source, from the cache when it is there. */
function loaderCode(file) {
  const source = fs.readFileSync(file, "utf8");
  const dir = path.join(root, "node_modules", ".cache", "paved", "ts");
  let cached;
  try {
    const crypto = require("crypto");
    const version = JSON.parse(fs.readFileSync(require.resolve("sucrase/package.json"), "utf8")).version;
    const key = crypto
      .createHash("sha256")
      .update(`bootstrap\0${version}\0native-es\0${file}\0`)
      .update(source)
      .digest("hex");
    cached = path.join(dir, `${key}.js`);
    return fs.readFileSync(cached, "utf8");
  } catch {
    // a miss (or no cache): transpile below
  }
  const { transform } = require("sucrase");
  const code = transform(source, {
    transforms: ["typescript", "imports"],
    disableESTransforms: true,
    filePath: file,
  }).code;
  if (cached) {
    try {
      fs.mkdirSync(dir, { recursive: true });
      const tmp = `${cached}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, code);
      fs.renameSync(tmp, cached);
    } catch {
      // a read-only cache only costs speed
    }
  }
  return code;
}

/** Loads cli/engine/loader.ts and registers its hook (once per process). Returns false without the sources. */
function registerLoader() {
  const file = path.join(root, "cli", "engine", "loader.ts");
  if (!fs.existsSync(file)) return false;
  let mod = require.cache[file];
  if (!mod) {
    mod = new Module(file, module);
    mod.filename = file;
    mod.paths = Module._nodeModulePaths(path.dirname(file));
    mod._compile(loaderCode(file), file);
    mod.loaded = true;
    require.cache[file] = mod;
  }
  mod.exports.registerTypeScript();
  return true;
}

module.exports = { registerLoader, root };
