// A pack with no policies: what the analyzer path costs on its own (the
// wire, the SDK's request handling), the floor under both packs' times.
"use strict";
const { PolicyPack } = require("@pulumi/policy");
new PolicyPack("empty", { policies: [] });
