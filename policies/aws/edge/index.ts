/** Edges and TLS: load balancer listeners, classic ELB, CloudFront, API Gateway. The pack lists these in docs order. */
import type { PolicyDefinition } from "../../lib/define";
import { apiGatewayAccessLogs } from "./apigateway-access-logs";
import { cloudFrontOriginHttps } from "./cloudfront-origin-https";
import { cloudFrontViewerHttps } from "./cloudfront-viewer-https";
import { cloudFrontViewerTls12 } from "./cloudfront-viewer-tls12";
import { elbClassicListenerEncrypted } from "./elb-classic-listener-encrypted";
import { elbClassicTls12 } from "./elb-classic-tls12";
import { lbListenerHttpsRedirect } from "./lb-listener-https-redirect";
import { lbListenerTls12 } from "./lb-listener-tls12";

export const edgePolicies: readonly PolicyDefinition[] = [
  lbListenerHttpsRedirect,
  lbListenerTls12,
  elbClassicListenerEncrypted,
  elbClassicTls12,
  cloudFrontViewerHttps,
  cloudFrontViewerTls12,
  cloudFrontOriginHttps,
  apiGatewayAccessLogs,
];
