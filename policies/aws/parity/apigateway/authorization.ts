/**
 * API Gateway methods and routes require an authorizer: REST API methods
 * (`authorization` other than "NONE"; OPTIONS preflight methods are skipped)
 * and HTTP API routes and WebSocket $connect routes (`authorizationType`
 * other than "NONE"; other WebSocket routes cannot carry one, and a
 * `$default` route is skipped because a route does not say whether its API
 * is HTTP or WebSocket). An API key
 * identifies a client for throttling; it does not authenticate.
 */
import { defineResourcePolicy } from "../../../lib/define";
import { nist80053 } from "../../../lib/frameworks";
import { quote } from "../../../lib/parity";
import { asString } from "../../../lib/props";

const METHOD = "aws:apigateway/method:Method";
const ROUTE = "aws:apigatewayv2/route:Route";

export const apigatewayAuthorization = defineResourcePolicy({
  name: "aws-apigateway-authorization",
  description: "API Gateway methods and routes require an authorizer (IAM, Cognito, Lambda or JWT).",
  category: "iam",
  severity: "high",
  defaultLevel: "advisory",
  // Security set: an unauthenticated API in prod needs an explicit, reviewed exemption.
  securitySet: true,
  remediation: [
    'REST API: set the method\'s `authorization` to "AWS_IAM", "COGNITO_USER_POOLS" (with `authorizerId`) or "CUSTOM" (a Lambda authorizer).',
    'HTTP API: set the route\'s `authorizationType` to "AWS_IAM", "JWT" or "CUSTOM" with `authorizerId`; WebSocket: on the $connect route.',
    "An endpoint that must stay public (a webhook with its own signature check) gets an exemption with the reason; mandatory in prod.",
  ],
  frameworks: [nist80053("AC-3")],
  types: [METHOD, ROUTE],
  check(r) {
    if (r.type === METHOD) {
      const method = (asString(r.props.httpMethod) ?? "").toUpperCase();
      if (method === "OPTIONS") return [];
      const auth = asString(r.props.authorization);
      if (auth !== undefined && auth.toUpperCase() !== "NONE") return [];
      return [
        {
          message: `authorization is ${quote(auth ?? "NONE")}, so anyone who finds the ${method || "method"} endpoint may call it; set authorization to AWS_IAM, COGNITO_USER_POOLS or CUSTOM`,
        },
      ];
    }
    const key = asString(r.props.routeKey) ?? "";
    // "GET /path" (HTTP API) or $connect (WebSocket). $default is skipped: on a
    // WebSocket API it cannot carry an authorizer, and a route does not say its protocol.
    if (!key.includes(" ") && key !== "$connect") return [];
    const auth = asString(r.props.authorizationType);
    if (auth !== undefined && auth.toUpperCase() !== "NONE") return [];
    return [
      {
        message: `authorizationType is ${auth === undefined ? "unset (NONE)" : quote(auth)} on route ${quote(key)}, so anyone may call it; set authorizationType to AWS_IAM, JWT or CUSTOM with an authorizerId`,
      },
    ];
  },
});
