/**
 * Lambda function URLs require IAM authentication: `authorizationType: "NONE"`
 * lets anyone on the internet invoke the function. Put a public endpoint
 * behind API Gateway or CloudFront (with its own authorization and
 * throttling), or record an exemption for a deliberately public webhook.
 */
import { defineResourcePolicy } from "../../lib/define";
import { awsFsbp, nist80053 } from "../../lib/frameworks";

export const LAMBDA_FUNCTION_URL = "aws:lambda/functionUrl:FunctionUrl";

export const lambdaFunctionUrlAuth = defineResourcePolicy({
  name: "aws-lambda-function-url-auth",
  description: "Lambda function URLs require IAM authentication (authorizationType AWS_IAM).",
  category: "iam",
  severity: "high",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    'Set `authorizationType: "AWS_IAM"` and grant lambda:InvokeFunctionUrl to the callers.',
    "For a public endpoint, put API Gateway or CloudFront in front of the function instead.",
    "If the URL is meant to be public (a webhook that checks a signature), record an exemption with the reason.",
  ],
  frameworks: [awsFsbp("Lambda.1"), nist80053("AC-3")],
  types: [LAMBDA_FUNCTION_URL],
  check(resource) {
    const auth = resource.props.authorizationType;
    if (typeof auth === "string" && auth.trim().toUpperCase() === "AWS_IAM") return [];
    return [
      {
        message: `authorizationType is ${JSON.stringify(auth ?? null)}, so anyone on the internet can invoke the function; set authorizationType to "AWS_IAM" (or front it with API Gateway or CloudFront)`,
      },
    ];
  },
});
