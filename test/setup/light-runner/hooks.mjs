// Node module hooks (registered by ./register.js): a TypeScript file that jest-light-runner
// imports is loaded as CommonJS, that is by Node's require, where ./register.js compiles it.
export async function load(url, context, nextLoad) {
  if (url.startsWith("file:") && /\.ts(?:\?|$)/.test(url)) return { format: "commonjs", shortCircuit: true };
  return nextLoad(url, context);
}
