import { opensearchHttpsOnly } from "../../../../policies/aws/encryption/opensearch-https-only";
import { describePolicyTable, unknown } from "../../harness";

describePolicyTable(opensearchHttpsOnly, {
  base: {
    type: "aws:opensearch/domain:Domain",
    props: {
      domainName: "logs",
      domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: "Policy-Min-TLS-1-2-PFS-2023-10" },
    },
  },
  pass: [
    {
      name: "the 2019 TLS 1.2 policy",
      patch: {
        domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: "Policy-Min-TLS-1-2-2019-07" },
      },
    },
    {
      name: "enforceHttps unset inside the block (the provider defaults it to true)",
      patch: { domainEndpointOptions: { tlsSecurityPolicy: "Policy-Min-TLS-1-2-2019-07" } },
    },
    {
      name: "an Elasticsearch domain",
      fixture: {
        type: "aws:elasticsearch/domain:Domain",
        props: {
          domainName: "es",
          domainEndpointOptions: [{ enforceHttps: "true", tlsSecurityPolicy: "Policy-Min-TLS-1-2-2019-07" }],
        },
      },
    },
  ],
  fail: [
    {
      name: "no domainEndpointOptions",
      patch: { domainEndpointOptions: undefined },
      expect: /domainEndpointOptions is unset, so HTTPS is not enforced and TLS 1\.0 is accepted/,
      count: 1,
    },
    {
      name: "enforceHttps false",
      patch: {
        domainEndpointOptions: { enforceHttps: false, tlsSecurityPolicy: "Policy-Min-TLS-1-2-2019-07" },
      },
      expect: /enforceHttps is false, so clients may connect over plain HTTP/,
      count: 1,
    },
    {
      name: "the TLS 1.0 policy",
      patch: {
        domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: "Policy-Min-TLS-1-0-2019-07" },
      },
      expect: /tlsSecurityPolicy is "Policy-Min-TLS-1-0-2019-07", which accepts TLS older than 1\.2/,
      count: 1,
    },
    {
      name: "no TLS policy named",
      patch: { domainEndpointOptions: { enforceHttps: true } },
      expect: /tlsSecurityPolicy is unset/,
      count: 1,
    },
    {
      name: "both wrong",
      patch: {
        domainEndpointOptions: { enforceHttps: "false", tlsSecurityPolicy: "Policy-Min-TLS-1-0-2019-07" },
      },
      expect: /enforceHttps is "false"|TLS older than 1\.2/,
      count: 2,
    },
  ],
  unknown: [
    {
      name: "TLS policy unknown",
      patch: { domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: unknown } },
    },
  ],
});
