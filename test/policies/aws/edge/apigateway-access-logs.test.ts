import { apiGatewayAccessLogs } from "../../../../policies/aws/edge/apigateway-access-logs";
import { describePolicyTable, unknown } from "../../harness";

const LOGS = {
  destinationArn: "arn:aws:logs:us-east-1:1:log-group:api",
  format: '{"requestId":"$context.requestId"}',
};

describePolicyTable(apiGatewayAccessLogs, {
  base: {
    type: "aws:apigateway/stage:Stage",
    props: { restApi: "api-1", deployment: "dep-1", stageName: "prod", accessLogSettings: LOGS },
  },
  pass: [
    {
      name: "an apigatewayv2 stage with logs",
      fixture: {
        type: "aws:apigatewayv2/stage:Stage",
        props: { apiId: "api-2", name: "$default", accessLogSettings: LOGS },
      },
    },
  ],
  fail: [
    {
      name: "REST stage without accessLogSettings",
      patch: { accessLogSettings: undefined },
      expect: /accessLogSettings is unset, so the stage keeps no access log/,
      count: 1,
    },
    {
      name: "empty destinationArn",
      patch: { accessLogSettings: { format: "x", destinationArn: "" } },
      expect: /has no destinationArn/,
      count: 1,
    },
    {
      name: "apigatewayv2 stage without logs",
      fixture: { type: "aws:apigatewayv2/stage:Stage", props: { apiId: "api-2", name: "$default" } },
      expect: /accessLogSettings is unset/,
      count: 1,
    },
  ],
  unknown: [
    {
      name: "destinationArn unknown",
      patch: { accessLogSettings: { format: "x", destinationArn: unknown } },
    },
  ],
});
