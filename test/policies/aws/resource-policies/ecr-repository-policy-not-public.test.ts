import { ecrRepositoryPolicyNotPublic } from "../../../../policies/aws/resource-policies/ecr-repository-policy-not-public";
import { describePolicyTable } from "../../harness";
import { type Holder, allow, doc, standardRows } from "./fixtures";

const holders: Holder[] = [
  [
    "aws.ecr.RepositoryPolicy",
    (policy) => ({ type: "aws:ecr/repositoryPolicy:RepositoryPolicy", props: { repository: "app", policy } }),
  ],
  [
    "aws.ecr.RegistryPolicy",
    (policy) => ({ type: "aws:ecr/registryPolicy:RegistryPolicy", props: { policy } }),
  ],
];
const rows = standardRows(holders, "ecr:BatchGetImage");
const repo = holders[0][1];

describePolicyTable(ecrRepositoryPolicyNotPublic, {
  base: repo(JSON.stringify(doc(allow({ AWS: "arn:aws:iam::444455556666:root" }, "ecr:BatchGetImage")))),
  pass: [
    ...rows.pass,
    {
      name: "a registry policy replicating to a named account",
      fixture: holders[1][1](doc(allow({ AWS: "arn:aws:iam::444455556666:root" }, "ecr:ReplicateImage"))),
    },
  ],
  fail: [
    ...rows.fail,
    {
      name: "pull by anyone (ecr:* for Principal *)",
      fixture: repo(doc(allow("*", "ecr:*"))),
      expect:
        /policy statement 1: it allows Principal "\*" with no condition; name the accounts that use the repository/,
      count: 1,
    },
  ],
  unknown: rows.unknown,
});
