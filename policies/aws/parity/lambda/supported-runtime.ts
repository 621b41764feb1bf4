/**
 * Lambda functions (zip packages) use a runtime AWS still supports: the
 * configured list of deprecated runtimes (end of support reached or
 * announced) is refused. Container images (`packageType` "Image") carry their
 * own runtime and are skipped.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { awsFsbp, nist80053 } from "../../../lib/frameworks";
import { asString } from "../../../lib/props";

const DEPRECATED = [
  "nodejs",
  "nodejs4.3",
  "nodejs4.3-edge",
  "nodejs6.10",
  "nodejs8.10",
  "nodejs10.x",
  "nodejs12.x",
  "nodejs14.x",
  "nodejs16.x",
  "nodejs18.x",
  "python2.7",
  "python3.6",
  "python3.7",
  "python3.8",
  "python3.9",
  "java8",
  "dotnetcore1.0",
  "dotnetcore2.0",
  "dotnetcore2.1",
  "dotnetcore3.1",
  "dotnet5.0",
  "dotnet6",
  "dotnet7",
  "ruby2.5",
  "ruby2.7",
  "ruby3.2",
  "go1.x",
  "provided",
];

export const lambdaSupportedRuntime = defineResourcePolicy<{ deprecatedRuntimes: string[] }>({
  name: "aws-lambda-supported-runtime",
  description: "Lambda functions do not use a deprecated runtime.",
  category: "governance",
  severity: "medium",
  defaultLevel: "advisory",
  // Security set: a deprecated runtime gets no security patches.
  securitySet: true,
  remediation: [
    "Move the function to a supported runtime (nodejs22.x, python3.13, java21, dotnet8, ruby3.4, provided.al2023) and redeploy.",
    "Mandatory in prod: deprecated runtimes receive no security patches. Extend `deprecatedRuntimes` as AWS announces end of support.",
  ],
  frameworks: [awsFsbp("Lambda.2"), nist80053("SI-2")],
  types: ["aws:lambda/function:Function"],
  configSchema: {
    properties: {
      deprecatedRuntimes: {
        type: "array",
        items: { type: "string" },
        uniqueItems: true,
        default: DEPRECATED,
        description: "Runtime identifiers that are refused (deprecated or past end of support).",
      },
    },
  },
  check(r, ctx) {
    if (asString(r.props.packageType) === "Image") return [];
    const runtime = asString(r.props.runtime);
    if (runtime === undefined || !ctx.config.deprecatedRuntimes.includes(runtime)) return [];
    return [
      {
        message: `runtime is "${runtime}", which AWS no longer patches; move the function to a supported runtime`,
      },
    ];
  },
});
