/**
 * Offline stand-ins for the provider plugins Paved's programs use (aws,
 * kubernetes, random), served to the real Pulumi engine through the SDK's
 * public provider API (`@pulumi/pulumi/provider`'s `main`).
 *
 * - check: passes inputs through, refusing only what the real provider's schema
 *   refuses and we know offline (`requiredInputs`).
 * - create: a deterministic id from the resource's type and name, and the state
 *   `cli/engine/answers.ts` computes: the same answers `paved check`'s mocks give.
 * - diff: recomputes the state the new inputs would give and compares it with
 *   the recorded state, so an unchanged program diffs to nothing.
 * - read (refresh): the recorded state, or a drifted one when the test switch
 *   `PAVED_ENGINE_DRIFT` (a JSON file: `{ "<resource name>": { "<prop>": value } }`)
 *   names the resource.
 * - invoke: the data sources `answers.ts` knows; anything else fails with a
 *   message naming the data source, as a provider without credentials would.
 *
 * The provider does not announce preview support, so the engine previews with
 * the inputs standing in for the state (ids and computed outputs unknown), as it
 * does for any provider that cannot preview.
 */
import type * as provider from "@pulumi/pulumi/provider";
import { createHash } from "crypto";
import * as fs from "fs";
import { DEFAULT_ACCOUNT, invokeAnswer, resourceId, resourceState } from "../../cli/engine/answers";

/** The packages served, with the versions the programs' SDKs ask for. */
export const STANDIN_PACKAGES = { aws: "7.48.0", kubernetes: "4.34.2", random: "4.21.2" } as const;
export type StandinPackage = keyof typeof STANDIN_PACKAGES;

/** Inputs the real schemas require, by type: a missing one is a check failure, as in the real provider. */
const REQUIRED_INPUTS: Readonly<Record<string, readonly string[]>> = {
  "aws:ec2/subnet:Subnet": ["vpcId"],
  "aws:ec2/routeTable:RouteTable": ["vpcId"],
  "aws:ec2/securityGroupRule:SecurityGroupRule": [
    "type",
    "fromPort",
    "toPort",
    "protocol",
    "securityGroupId",
  ],
  "aws:iam/role:Role": ["assumeRolePolicy"],
  "aws:iam/rolePolicyAttachment:RolePolicyAttachment": ["role", "policyArn"],
  "aws:ebs/volume:Volume": ["availabilityZone"],
  "aws:cloudwatch/metricAlarm:MetricAlarm": ["comparisonOperator", "evaluationPeriods"],
  "kubernetes:core/v1:Namespace": [],
};

/** Types the AWS provider autonames through their `name` input. */
const AUTONAMED: ReadonlySet<string> = new Set([
  "aws:cloudwatch/logGroup:LogGroup",
  "aws:iam/role:Role",
  "aws:iam/policy:Policy",
  "aws:sns/topic:Topic",
  "aws:sqs/queue:Queue",
  "aws:lambda/function:Function",
]);

/** The name part of a URN (`urn:pulumi:stack::project::type::name`). */
export function urnName(urn: string): string {
  return urn.slice(urn.lastIndexOf("::") + 2);
}

/** The type part of a URN: the last type of the `parent$child` chain. */
export function urnType(urn: string): string {
  const parts = urn.split("::");
  const chain = parts[parts.length - 2] ?? "";
  return chain.slice(chain.lastIndexOf("$") + 1);
}

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(",")}]`;
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v) ?? "null";
}

/** The keys whose values differ between two states (top level), sorted. */
export function changedKeys(olds: Record<string, unknown>, news: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(olds), ...Object.keys(news)]);
  return [...keys].filter((k) => stableJson(olds[k]) !== stableJson(news[k])).sort();
}

/** Appends a line to the file PAVED_ENGINE_DEBUG names (the engine keeps a provider's stderr to itself). */
function debug(line: string): void {
  if (process.env.PAVED_ENGINE_DEBUG) fs.appendFileSync(process.env.PAVED_ENGINE_DEBUG, `${line}\n`);
}

/** The drift the test switch asks for, by resource name. */
function driftFor(name: string): Record<string, unknown> | undefined {
  const file = process.env.PAVED_ENGINE_DRIFT;
  if (!file) return undefined;
  const all = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, Record<string, unknown>>;
  return all[name];
}

/** What `random` computes, derived from the name and keepers so a second run gives the same value. */
function randomState(type: string, name: string, inputs: Record<string, unknown>): Record<string, unknown> {
  const seed = createHash("sha256")
    .update(`${type}\u0000${name}\u0000${stableJson(inputs.keepers ?? {})}`)
    .digest("hex");
  const length = typeof inputs.length === "number" ? inputs.length : 16;
  const text = seed.repeat(Math.ceil(length / seed.length)).slice(0, length);
  switch (type) {
    case "random:index/randomPet:RandomPet":
      return {
        ...inputs,
        id: `${inputs.prefix ? `${String(inputs.prefix)}-` : ""}paved-${seed.slice(0, 6)}`,
      };
    case "random:index/randomId:RandomId": {
      const n = typeof inputs.byteLength === "number" ? inputs.byteLength : 8;
      const hex = seed.slice(0, n * 2);
      return {
        ...inputs,
        hex,
        dec: BigInt(`0x${hex}`).toString(),
        b64Url: Buffer.from(hex, "hex").toString("base64url"),
      };
    }
    case "random:index/randomInteger:RandomInteger": {
      const min = Number(inputs.min ?? 0);
      const max = Number(inputs.max ?? 100);
      return { ...inputs, result: min + (parseInt(seed.slice(0, 8), 16) % (max - min + 1)) };
    }
    default:
      return { ...inputs, result: text };
  }
}

/** The state a resource of any served package reports for these inputs. */
function stateOf(
  pkg: StandinPackage,
  type: string,
  name: string,
  inputs: Record<string, unknown>,
  id: string,
) {
  if (pkg === "random") return randomState(type, name, inputs);
  const region = process.env.PAVED_ENGINE_REGION ?? DEFAULT_ACCOUNT.region;
  return resourceState(type, name, inputs, id, { ...DEFAULT_ACCOUNT, region });
}

/** The stand-in provider for one package. */
export function standinProvider(pkg: StandinPackage): provider.Provider {
  return {
    version: STANDIN_PACKAGES[pkg],
    async check(urn, olds, news) {
      const type = urnType(urn);
      // Autonaming, as the real provider does in Check: a physical name is chosen once and
      // kept, so renaming the Pulumi resource (kept by an alias) does not rename it in the
      // cloud. (The real provider adds a random suffix; ours is the resource's name.)
      const inputs = { ...(news ?? {}) };
      if (AUTONAMED.has(type) && inputs.name === undefined) {
        inputs.name = typeof olds?.name === "string" ? olds.name : urnName(urn);
      }
      const missing = (REQUIRED_INPUTS[type] ?? []).filter(
        (k) => inputs[k] === undefined || inputs[k] === null,
      );
      return {
        inputs,
        failures: missing.map((property) => ({
          property,
          reason: `Missing required property '${property}'`,
        })),
      };
    },
    async create(urn, inputs) {
      const type = urnType(urn);
      const name = urnName(urn);
      const id = resourceId(type, name, inputs ?? {});
      return { id, outs: stateOf(pkg, type, name, inputs ?? {}, id) };
    },
    async diff(id, urn, olds, news) {
      const type = urnType(urn);
      const expected = stateOf(pkg, type, urnName(urn), news ?? {}, id);
      const changes = changedKeys(olds ?? {}, expected);
      if (changes.length > 0) debug(`diff ${urn}: ${changes.join(", ")}`);
      return { changes: changes.length > 0, replaces: [], stables: [], deleteBeforeReplace: false };
    },
    async update(id, urn, _olds, news) {
      return { outs: stateOf(pkg, urnType(urn), urnName(urn), news ?? {}, id) };
    },
    async read(id, urn, props) {
      const drift = driftFor(urnName(urn));
      const state = { ...(props ?? {}), ...(drift ?? {}) };
      return { id, props: state, inputs: state };
    },
    async delete() {
      // Nothing exists outside the state file.
    },
    async invoke(token, inputs) {
      if (pkg !== "aws") throw new Error(`${token}: the offline ${pkg} provider answers no data sources`);
      const region = process.env.PAVED_ENGINE_REGION ?? DEFAULT_ACCOUNT.region;
      const answer = invokeAnswer(token, inputs ?? {}, { ...DEFAULT_ACCOUNT, region });
      if (answer === undefined) {
        throw new Error(`${token}: offline AWS cannot answer this data source (no credentials, no network)`);
      }
      return { outputs: answer };
    },
  };
}
