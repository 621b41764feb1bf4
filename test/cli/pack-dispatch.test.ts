/**
 * The pack's entry (policies/run.js) serves Analyze through the SDK's own
 * handler built per resource type with only the policies that can apply. The
 * answers must be exactly the SDK's over the whole pack: same diagnostics in
 * the same order, same not-applicable list, for every resource type.
 * (Its own file: a process can load one pack.)
 */
import * as path from "path";
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import { loadPackInProcess } from "../../cli/engine/analyzer-inprocess";
import { toAnalyzeRequest } from "../../cli/engine/analyzer-proto";
import { parseState } from "../../cli/engine/state";
import { generateStackExport } from "../../bench/lib/gen-state";
import { packArgs } from "../../policies/pack";

const snapshot = parseState(JSON.stringify(generateStackExport(400)), "generated");
const records = snapshot.resources
  .filter((r) => r.type !== "pulumi:pulumi:Stack" && !r.type.startsWith("pulumi:providers:"))
  .map((r) => ({ urn: r.urn, type: r.type, name: r.name, inputs: r.properties, parent: r.parent }));

type Rpc = (call: { request: unknown }, cb: (e: unknown, v: unknown) => void) => unknown;
const ask = (rpc: Rpc, request: unknown) =>
  new Promise<analyzerpb.AnalyzeResponse>((res, rej) =>
    rpc({ request }, (e, v) => (e ? rej(e) : res(v as analyzerpb.AnalyzeResponse))),
  );

test("every resource type gets the SDK's own answer over the whole pack", async () => {
  const saved = process.env.PULUMI_CONFIG;
  process.env.PULUMI_CONFIG = JSON.stringify({ "paved:environment": "prod" });
  try {
    const entry = loadPackInProcess(path.join(__dirname, "../../policies"));
    const info = await entry.getAnalyzerInfo();

    const server = require("@pulumi/policy/server") as { makeAnalyzeRpcFun: (...a: unknown[]) => Rpc };
    const whole = server.makeAnalyzeRpcFun(info.getName(), info.getVersion(), "advisory", packArgs.policies);
    const types = new Set(records.map((r) => r.type));
    expect(types.size).toBeGreaterThan(8);
    let diagnostics = 0;
    for (const r of records) {
      const viaEntry = (await entry.analyze(toAnalyzeRequest(r))).toObject();
      const viaSdk = (await ask(whole, toAnalyzeRequest(r))).toObject();
      expect({ urn: r.urn, ...viaEntry }).toEqual({ urn: r.urn, ...viaSdk });
      diagnostics += viaSdk.diagnosticsList.length;
    }
    // The comparison covers findings, not only empty answers.
    expect(diagnostics).toBeGreaterThan(100);
  } finally {
    process.env.PULUMI_CONFIG = saved;
  }
});
