import { lambdaFunctionUrlAuth } from "../../../../policies/aws/resource-policies/lambda-function-url-auth";
import { describePolicyTable, unknown } from "../../harness";

describePolicyTable(lambdaFunctionUrlAuth, {
  base: {
    type: "aws:lambda/functionUrl:FunctionUrl",
    props: { functionName: "fn", authorizationType: "AWS_IAM" },
  },
  pass: [
    { name: "AWS_IAM with CORS", patch: { cors: { allowOrigins: ["https://example.com"] } } },
    { name: "lower-case aws_iam", patch: { authorizationType: "aws_iam" } },
  ],
  fail: [
    {
      name: "NONE",
      patch: { authorizationType: "NONE" },
      expect:
        /authorizationType is "NONE", so anyone on the internet can invoke the function; set authorizationType to "AWS_IAM"/,
      count: 1,
    },
    { name: "unset", patch: { authorizationType: undefined }, expect: /authorizationType is null/, count: 1 },
  ],
  unknown: [{ name: "authorizationType unknown", patch: { authorizationType: unknown } }],
});
