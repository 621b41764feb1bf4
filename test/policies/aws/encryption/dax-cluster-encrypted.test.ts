import { daxClusterEncrypted } from "../../../../policies/aws/encryption/dax-cluster-encrypted";
import { describePolicyTable, unknown } from "../../harness";

describePolicyTable(daxClusterEncrypted, {
  base: {
    type: "aws:dax/cluster:Cluster",
    props: {
      clusterName: "cache",
      iamRoleArn: "arn:aws:iam::1:role/dax",
      nodeType: "dax.t3.small",
      replicationFactor: 3,
      serverSideEncryption: { enabled: true },
      clusterEndpointEncryptionType: "TLS",
    },
  },
  pass: [
    {
      name: '"true" and lower-case tls',
      patch: { serverSideEncryption: { enabled: "true" }, clusterEndpointEncryptionType: "tls" },
    },
  ],
  fail: [
    {
      name: "no encryption at rest",
      patch: { serverSideEncryption: undefined },
      expect: /serverSideEncryption\.enabled is unset, so the cache is not encrypted at rest/,
      count: 1,
    },
    {
      name: "endpoint encryption unset (NONE)",
      patch: { clusterEndpointEncryptionType: undefined },
      expect:
        /clusterEndpointEncryptionType is unset, so clients connect in plaintext; set clusterEndpointEncryptionType: "TLS"/,
      count: 1,
    },
    { name: "endpoint NONE", patch: { clusterEndpointEncryptionType: "NONE" }, expect: /"NONE"/ },
    { name: "at rest disabled", patch: { serverSideEncryption: { enabled: false } }, expect: /is false/ },
  ],
  unknown: [{ name: "endpoint type unknown", patch: { clusterEndpointEncryptionType: unknown } }],
});
