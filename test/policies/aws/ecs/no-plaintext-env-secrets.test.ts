import { ecsNoPlaintextEnvSecrets } from "../../../../policies/aws/ecs/no-plaintext-env-secrets";
import { describePolicyTable, runPolicy, unknown } from "../../harness";
import { API, DAEMON, TASK, taskProps, withApi } from "./fixtures";

const env = (entries: unknown[], stringify = true) => withApi({ environment: entries }, stringify);

describePolicyTable(ecsNoPlaintextEnvSecrets, {
  base: { type: TASK, props: taskProps([API]) },
  pass: [
    { name: "no environment at all", patch: withApi({ environment: undefined }) },
    {
      name: "a name that points at a secret (_FILE, _URL, _NAME)",
      patch: env([
        { name: "API_KEY_URL", value: "https://vault" },
        { name: "SECRET_NAME", value: "db" },
      ]),
    },
    { name: "a secret-looking name with an empty value", patch: env([{ name: "DB_PASSWORD", value: "" }]) },
    { name: "credentials through secrets only", patch: withApi({ environment: [], secrets: API.secrets }) },
    { name: "the containers as an array of objects", patch: withApi({}, false) },
    {
      name: "a daemon task definition with environments (plural) and no secret names",
      fixture: {
        type: DAEMON,
        props: {
          family: "d",
          containerDefinitions: [
            {
              name: "agent",
              image: "datadog/agent:7.50.0",
              environments: [{ name: "DD_SITE", value: "eu" }],
            },
          ],
        },
      },
    },
    {
      name: "a name allowed by config",
      patch: env([{ name: "TOKEN_AUDIENCE", value: "sts.amazonaws.com" }]),
      options: { config: { ignoredNamePatterns: ["_AUDIENCE$"] } },
    },
    {
      name: "a malformed definitions string (AWS rejects it at apply)",
      patch: { containerDefinitions: "[{" },
    },
  ],
  fail: [
    {
      name: "a password in environment (JSON string)",
      patch: env([{ name: "DB_PASSWORD", value: "hunter2" }]),
      expect:
        /container "api" sets environment DB_PASSWORD to a literal value \(containerDefinitions\[0\]\.environment\[0\]\); move it to secrets/,
      count: 1,
    },
    {
      name: "the value is never quoted",
      patch: env([{ name: "STRIPE_API_KEY", value: "sk_live_abc" }]),
      expect: /^(?![\s\S]*sk_live_abc)[\s\S]*STRIPE_API_KEY/,
      count: 1,
    },
    {
      name: "every matching name in every container, as an array of objects",
      patch: {
        containerDefinitions: [
          { ...API, environment: [{ name: "AWS_SECRET_ACCESS_KEY", value: "x" }] },
          {
            name: "sidecar",
            image: "envoy:v1.30.1",
            environment: [
              { name: "AUTH_TOKEN", value: "y" },
              { name: "PORT", value: "80" },
            ],
          },
        ],
      },
      expect: /container "(api|sidecar)" sets environment (AWS_SECRET_ACCESS_KEY|AUTH_TOKEN)/,
      count: 2,
    },
    {
      name: "a single container object, not a list",
      patch: {
        containerDefinitions: JSON.stringify({
          name: "solo",
          image: "x:1",
          environment: [{ name: "PASSWORD", value: "p" }],
        }),
      },
      expect: /container "solo" sets environment PASSWORD/,
      count: 1,
    },
    {
      name: "a container without a name",
      patch: {
        containerDefinitions: JSON.stringify([
          { image: "x:1", environment: [{ name: "PRIVATE_KEY", value: "k" }] },
        ]),
      },
      expect: /container #0 sets environment PRIVATE_KEY/,
      count: 1,
    },
    {
      name: "a value computed at apply is still a literal",
      patch: env([{ name: "DB_PASSWORD", value: unknown }], false),
      expect: /DB_PASSWORD to a literal value \(computed at apply\)/,
      count: 1,
    },
    {
      name: "a daemon task definition's environments",
      fixture: {
        type: DAEMON,
        props: {
          family: "d",
          containerDefinitions: [
            {
              name: "agent",
              image: "datadog/agent:7.50.0",
              environments: [{ name: "DD_API_KEY", value: "k" }],
            },
          ],
        },
      },
      expect:
        /container "agent" sets environment DD_API_KEY to a literal value \(containerDefinitions\[0\]\.environments\[0\]\)/,
      count: 1,
    },
    {
      name: "a name added by config",
      patch: env([{ name: "DSN", value: "postgres://u:p@h/db" }]),
      options: { config: { secretNamePatterns: ["^dsn$"] } },
      expect: /sets environment DSN/,
      count: 1,
    },
  ],
  unknown: [
    {
      name: "containerDefinitions unknown (pulumi.jsonStringify over an output)",
      patch: { containerDefinitions: unknown },
    },
    { name: "one container unknown", patch: { containerDefinitions: [unknown] } },
    { name: "an environment entry's name unknown", patch: env([{ name: unknown, value: "v" }], false) },
    { name: "the environment list unknown", patch: withApi({ environment: unknown }, false) },
  ],
});

test("a definite finding is reported next to an unknown container", async () => {
  const vs = await runPolicy(ecsNoPlaintextEnvSecrets, {
    type: TASK,
    props: taskProps(
      [
        unknown as unknown as Record<string, unknown>,
        { ...API, environment: [{ name: "DB_PASSWORD", value: "x" }] },
      ],
      false,
    ),
  });
  expect(vs.map((v) => v.enforcementLevel)).toEqual(["mandatory"]);
  expect(vs[0].message).toMatch(/containerDefinitions\[1\]\.environment\[0\]/);
});
