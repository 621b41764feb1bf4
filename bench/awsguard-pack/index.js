// @pulumi/awsguard served as a policy pack, for the throughput benchmark only:
// every AWS Guard policy, mandatory, exactly as its README suggests.
"use strict";
const { AwsGuard } = require("@pulumi/awsguard");
new AwsGuard({ all: "mandatory" });
