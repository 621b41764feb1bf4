import { k8sNoPlaintextEnvSecrets } from "../../../policies/kubernetes/no-plaintext-env-secrets";
import { describePodPolicyTable, mutated, patchOf, unknown } from "./fixtures";

const fromSecret = (name: string) => ({
  name,
  valueFrom: { secretKeyRef: { name: "db", key: name.toLowerCase() } },
});
const literal = (name: string, value: unknown = "hunter2") => ({ name, value });
const addEnv = (c: any, ...env: unknown[]) => (c.env = [...(c.env ?? []), ...env]);

describePodPolicyTable(k8sNoPlaintextEnvSecrets, {
  everyKind: {
    mutate: (s) => addEnv(s.containers[0], literal("PORT", "8080"), literal("DB_PASSWORD")),
    expect: /container "app" sets env DB_PASSWORD to a literal value/,
  },
  containerFail: [
    {
      name: "a password literal",
      mutate: (c) => addEnv(c, literal("DB_PASSWORD")),
      expect: /env DB_PASSWORD to a literal value/,
    },
    {
      name: "an API key literal",
      mutate: (c) => addEnv(c, literal("STRIPE_API_KEY", "sk_live_x")),
      expect: /env STRIPE_API_KEY/,
    },
  ],
  podFail: [
    ...[
      "PASSWORD",
      "mysql_passwd",
      "Db_Password",
      "JWT_SECRET",
      "CLIENT_SECRET",
      "GITHUB_TOKEN",
      "authToken",
      "APIKEY",
      "api-key",
      "SSH_PRIVATE_KEY",
      "privateKey",
      "AWS_SECRET_ACCESS_KEY",
      "AWS_ACCESS_KEY",
      "GOOGLE_APPLICATION_CREDENTIALS_JSON",
      "DB_CREDENTIALS",
    ].map((name) => ({
      name: `${name} as a literal`,
      mutate: (s: any) => addEnv(s.containers[0], literal(name)),
      expect: new RegExp(
        `sets env ${name} to a literal value \\(spec\\.template\\.spec\\.containers\\[0\\]\\.env\\[0\\]\\.value\\); put it in a Secret and use valueFrom\\.secretKeyRef`,
      ),
    })),
    {
      name: "a value computed at apply (an Output) is still a literal in the spec",
      mutate: (s) => addEnv(s.containers[0], literal("DB_PASSWORD", unknown)),
      expect: /DB_PASSWORD to a literal value \(computed at apply\)/,
    },
    {
      name: "two secrets in two containers: two findings",
      mutate: (s) => {
        addEnv(s.containers[0], literal("TOKEN"));
        addEnv(s.initContainers[0], fromSecret("OK_PASSWORD"), literal("MIGRATE_PASSWORD"));
      },
      expect: /(container "app" sets env TOKEN|init container "init" sets env MIGRATE_PASSWORD)/,
      count: 2,
    },
    {
      name: "a literal beside an unknown env entry",
      mutate: (s) => addEnv(s.containers[0], unknown, literal("SECRET_KEY")),
      expect: /env SECRET_KEY.*env\[1\]/,
    },
    {
      name: "the message never quotes the value",
      mutate: (s) => addEnv(s.containers[0], literal("DB_PASSWORD", "s3cr3t-value")),
      expect: /^(?![^]*s3cr3t-value)[^]*DB_PASSWORD/,
    },
  ],
  pass: [
    { name: "a secretKeyRef", mutate: (s) => addEnv(s.containers[0], fromSecret("DB_PASSWORD")) },
    { name: "an ordinary literal", mutate: (s) => addEnv(s.containers[0], literal("LOG_LEVEL", "debug")) },
    {
      name: "a path to a mounted secret file",
      mutate: (s) => addEnv(s.containers[0], literal("DB_PASSWORD_FILE", "/run/secrets/db")),
    },
    {
      name: "a token endpoint URL",
      mutate: (s) => addEnv(s.containers[0], literal("TOKEN_URL", "https://auth.example.com/token")),
    },
    {
      name: "the name of a Secret",
      mutate: (s) => addEnv(s.containers[0], literal("TLS_SECRET_NAME", "web-tls")),
    },
    { name: "an empty value", mutate: (s) => addEnv(s.containers[0], literal("API_KEY", "")) },
    {
      name: "a dependent variable reference",
      mutate: (s) =>
        addEnv(s.containers[0], fromSecret("DB_PASSWORD"), literal("PGPASSWORD", "$(DB_PASSWORD)")),
    },
    { name: "envFrom a Secret", mutate: (s) => (s.containers[0].envFrom = [{ secretRef: { name: "db" } }]) },
    {
      name: "a fieldRef",
      mutate: (s) =>
        addEnv(s.containers[0], {
          name: "POD_TOKEN_AUDIENCE_NS",
          valueFrom: { fieldRef: { fieldPath: "metadata.namespace" } },
        }),
    },
  ],
  extraPass: [
    {
      name: "a custom pattern list that leaves out token",
      fixture: mutated("Deployment", (s) => addEnv(s.containers[0], literal("GITHUB_TOKEN"))),
      options: { config: { secretNamePatterns: ["password"] } },
    },
    {
      name: "a partial DeploymentPatch that sets a secretKeyRef",
      fixture: patchOf("Deployment", { containers: [{ name: "app", env: [fromSecret("DB_PASSWORD")] }] }),
    },
  ],
  extraFail: [
    {
      name: "a custom pattern",
      fixture: mutated("Deployment", (s) => addEnv(s.containers[0], literal("DSN", "postgres://u:p@h/db"))),
      options: { config: { secretNamePatterns: ["^DSN$"] } },
      expect: /env DSN/,
      count: 1,
    },
    {
      name: "ignored patterns replaced: a _FILE name is checked",
      fixture: mutated("Deployment", (s) => addEnv(s.containers[0], literal("DB_PASSWORD_FILE", "x"))),
      options: { config: { ignoredNamePatterns: [] } },
      expect: /env DB_PASSWORD_FILE/,
      count: 1,
    },
    {
      name: "a partial DeploymentPatch that writes a password literal",
      fixture: patchOf("Deployment", { containers: [{ name: "app", env: [literal("DB_PASSWORD")] }] }),
      expect: /container "app" sets env DB_PASSWORD to a literal value/,
      count: 1,
    },
    {
      name: "a PodTemplatePatch",
      fixture: {
        type: "kubernetes:core/v1:PodTemplatePatch",
        props: { template: { spec: { containers: [{ name: "app", env: [literal("API_TOKEN")] }] } } },
      },
      expect: /env API_TOKEN.*template\.spec\.containers\[0\]/,
      count: 1,
    },
  ],
  unknown: [
    { name: "env unknown", mutate: (s) => (s.containers[0].env = unknown) },
    { name: "an env name unknown", mutate: (s) => addEnv(s.containers[0], { name: unknown, value: "x" }) },
  ],
});
