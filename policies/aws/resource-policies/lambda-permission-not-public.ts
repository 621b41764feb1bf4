/**
 * Lambda function policies do not let anyone invoke the function
 * (aws.lambda.Permission with `principal: "*"` or an account wildcard and no
 * `sourceArn`, `sourceAccount` or `principalOrgId` that pins the caller), and
 * layer versions are not shared with everyone (aws.lambda.LayerVersionPermission
 * with `principal: "*"` and no `organizationId`).
 *
 * An Amazon S3 principal also needs `sourceAccount` (or `principalOrgId`): a
 * bucket ARN names no account, so a deleted bucket's name taken by someone
 * else could invoke the function.
 */
import { UNKNOWN_SENTINEL } from "../../../components/aws/iam/lint";
import { defineResourcePolicy } from "../../lib/define";
import { awsFsbp, nist80053 } from "../../lib/frameworks";
import { isWildcardOnly, principalIsPublic } from "../../lib/principals";
import { rawProps } from "../../lib/sdk";
import type { Finding } from "../../lib/types";
import { previewUnknown } from "../../lib/unknown";

export const LAMBDA_PERMISSION = "aws:lambda/permission:Permission";
export const LAMBDA_LAYER_PERMISSION = "aws:lambda/layerVersionPermission:LayerVersionPermission";

type Pin = "pins" | "absent" | "weak" | "unknown";

/** Whether one pinning input (`sourceArn`, `sourceAccount`, `principalOrgId`) narrows the caller. */
function pinOf(v: unknown): Pin {
  if (v === undefined || v === null || v === "") return "absent";
  if (v === UNKNOWN_SENTINEL) return "unknown";
  if (typeof v === "number") return "pins";
  if (typeof v !== "string") return "weak";
  return isWildcardOnly(v) ? "weak" : "pins";
}

const q = (v: unknown) => JSON.stringify(v);

function permissionFindings(props: Record<string, unknown>): Finding[] {
  const principal = props.principal;
  if (principal === UNKNOWN_SENTINEL) throw previewUnknown("principal is not known until apply");
  const inputs = ["sourceArn", "sourceAccount", "principalOrgId"] as const;
  const pins = Object.fromEntries(inputs.map((k) => [k, pinOf(props[k])])) as Record<
    (typeof inputs)[number],
    Pin
  >;
  if (principalIsPublic(principal).public) {
    if (inputs.some((k) => pins[k] === "pins")) return [];
    if (inputs.some((k) => pins[k] === "unknown"))
      throw previewUnknown("the source of the permission is not known until apply");
    const weak = inputs.filter((k) => pins[k] === "weak").map((k) => `${k} ${q(props[k])} matches anyone`);
    return [
      {
        message: `principal ${q(principal)} lets anyone invoke the function${weak.length ? ` (${weak.join("; ")})` : " (no sourceArn, sourceAccount or principalOrgId)"}; name the calling account or service in principal, or set sourceArn, sourceAccount or principalOrgId to concrete values`,
      },
    ];
  }
  if (typeof principal === "string" && /^s3\.amazonaws\.com(\.cn)?$/i.test(principal.trim())) {
    if (pins.sourceAccount === "pins" || pins.principalOrgId === "pins") return [];
    if (pins.sourceAccount === "unknown" || pins.principalOrgId === "unknown") {
      throw previewUnknown("sourceAccount is not known until apply");
    }
    return [
      {
        message: `principal ${q(principal)} has no sourceAccount, so a bucket of the same name in any account can invoke the function; set sourceAccount to the bucket owner's account id (with sourceArn the bucket ARN)`,
      },
    ];
  }
  return [];
}

function layerFindings(props: Record<string, unknown>): Finding[] {
  const principal = props.principal;
  if (principal === UNKNOWN_SENTINEL) throw previewUnknown("principal is not known until apply");
  if (!principalIsPublic(principal).public) return [];
  const org = pinOf(props.organizationId);
  if (org === "pins") return [];
  if (org === "unknown") throw previewUnknown("organizationId is not known until apply");
  return [
    {
      message: `principal ${q(principal)} shares the layer version with every AWS account${org === "weak" ? ` (organizationId ${q(props.organizationId)} matches anyone)` : ""}; name the account id in principal, or set organizationId to your organization`,
    },
  ];
}

export const lambdaPermissionNotPublic = defineResourcePolicy({
  name: "aws-lambda-permission-not-public",
  description:
    'Lambda function and layer permissions do not grant access to everyone (principal "*" without a source or organization that pins the caller).',
  category: "iam",
  severity: "critical",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Name the calling service (`apigateway.amazonaws.com`, `events.amazonaws.com`) or account in `principal`.",
    'If `principal` must be "*", set `sourceArn`, `sourceAccount` or `principalOrgId` to concrete values.',
    "For an Amazon S3 trigger, set `sourceAccount` to the bucket owner's account as well as `sourceArn`.",
    'Share a layer with named accounts, or with `principal: "*"` plus `organizationId`.',
  ],
  frameworks: [awsFsbp("Lambda.1"), nist80053("AC-3")],
  types: [LAMBDA_PERMISSION, LAMBDA_LAYER_PERMISSION],
  check(resource) {
    const props = rawProps(resource.props);
    return resource.type === LAMBDA_LAYER_PERMISSION ? layerFindings(props) : permissionFindings(props);
  },
});
