/**
 * REST APIs validate requests before they reach the integration: an
 * `aws.apigateway.RequestValidator` names the API (validating the body,
 * the parameters or both), or the API's OpenAPI `body` declares
 * `x-amazon-apigateway-request-validators`. API Gateway then rejects
 * malformed requests itself, with no backend cost.
 */
import { defineStackPolicy } from "../../../lib/define";
import { isTrue } from "../../../lib/props";
import { type Match, readInput, refersTo } from "../../../lib/parity";
import type { Finding } from "../../../lib/types";
import { ofType } from "../../../lib/stack-index";

const API = "aws:apigateway/restApi:RestApi";
const VALIDATOR = "aws:apigateway/requestValidator:RequestValidator";

export const apigatewayRequestValidation = defineStackPolicy({
  name: "aws-apigateway-request-validation",
  description: "REST APIs have a request validator (body or parameters).",
  category: "network",
  severity: "low",
  defaultLevel: "advisory",
  // Hygiene: the application validates its input anyway; the gateway's check is an early filter.
  securitySet: false,
  remediation: [
    "Add an `aws.apigateway.RequestValidator` with `restApi: api.id` and `validateRequestBody`/`validateRequestParameters` true, and set `requestValidatorId` on the methods with models or required parameters.",
    "Or declare `x-amazon-apigateway-request-validators` in the OpenAPI body. Advisory in every stage: the application must validate its input anyway.",
  ],
  frameworks: [],
  check(resources) {
    const out: Finding[] = [];
    const validates = (k: string, r: (typeof resources)[number]): boolean => {
      const x = readInput(() => r.props[k]);
      return x.unknown || isTrue(x.value);
    };
    const validators = ofType(resources, VALIDATOR).filter(
      (r) => validates("validateRequestBody", r) || validates("validateRequestParameters", r),
    );
    for (const api of ofType(resources, API)) {
      const body = readInput(() => api.props.body);
      if (
        !body.unknown &&
        typeof body.value === "string" &&
        body.value.includes("x-amazon-apigateway-request-validator")
      )
        continue;
      const refs: Match[] = validators.map((v) => refersTo(v, "restApi", api));
      if (refs.includes("yes")) continue;
      if (body.unknown || refs.includes("unknown")) {
        out.push({
          urn: api.urn,
          advisory: true,
          message: `REST API "${api.name}": its validators are unknown during preview, so request validation is checked again on update`,
        });
        continue;
      }
      out.push({
        urn: api.urn,
        message: `REST API "${api.name}" validates no request: no RequestValidator names it; add an aws.apigateway.RequestValidator and set requestValidatorId on its methods`,
      });
    }
    return out;
  },
});
