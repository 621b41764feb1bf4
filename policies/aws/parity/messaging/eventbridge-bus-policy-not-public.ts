/**
 * EventBridge event buses do not let everyone put events: a bus policy
 * (`aws.cloudwatch.EventBusPolicy`) with a public principal and no
 * condition pinning the caller, or an `aws.cloudwatch.EventPermission` for
 * principal "*" without a condition, lets any AWS account inject events that
 * trigger the bus's rules.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { nist80053 } from "../../../lib/frameworks";
import { asRecord, asString } from "../../../lib/props";
import { publicPolicyCheck } from "../../resource-policies/documents";

const BUS_POLICY = "aws:cloudwatch/eventBusPolicy:EventBusPolicy";
const PERMISSION = "aws:cloudwatch/eventPermission:EventPermission";

const FIX = "name the accounts or organization allowed (aws:PrincipalOrgID) instead of everyone";
const documentCheck = publicPolicyCheck({ [BUS_POLICY]: ["policy"] }, { fix: FIX });

export const eventbridgeBusPolicyNotPublic = defineResourcePolicy({
  name: "aws-eventbridge-bus-policy-not-public",
  description: "EventBridge event bus policies and permissions do not let everyone put events.",
  category: "iam",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    'Name the accounts (or the organization, with Condition StringEquals aws:PrincipalOrgID) allowed to put events, not Principal "*".',
    'EventPermission: set `principal` to an account id, or keep "*" only with `condition: { key: "aws:PrincipalOrgID", type: "StringEquals", value: <org id> }`.',
  ],
  frameworks: [nist80053("AC-3")],
  types: [BUS_POLICY, PERMISSION],
  check(r) {
    if (r.type === BUS_POLICY) return documentCheck(r);
    if (asString(r.props.principal)?.trim() !== "*") return [];
    if (asRecord(r.props.condition)) return [];
    return [
      {
        message: `principal is "*" without a condition, so any AWS account can put events on the bus; ${FIX}`,
      },
    ];
  },
});
