/**
 * Generated artifacts of the pack, from the policies' metadata: the
 * reference page `docs/policies.md` and the sample pack-config files
 * `policies/config/{dev,staging,prod}.json`. Pure string building; the
 * runner is `scripts/gen-policy-docs.js` (`npm run docs:policies`), and
 * `test/policies/docs.test.ts` fails when a committed file is stale.
 */
import type { PolicyDefinition } from "./define";
import { formatFramework, shortFramework } from "./frameworks";
import { CATEGORIES, Category, EnforcementLevel } from "./types";

/** The stacks a platform team hands config to. */
export const STAGES = ["dev", "staging", "prod"] as const;
export type Stage = (typeof STAGES)[number];

/** One policy's entry in a pack-config file. */
export type ConfigEntry =
  EnforcementLevel | ({ enforcementLevel: EnforcementLevel } & Record<string, unknown>);

/** Stricter properties prod sets for some policies (on top of the levels). */
const PROD_PROPERTIES: Readonly<Record<string, Record<string, unknown>>> = {
  "aws-sg-no-public-admin-ingress": { forbiddenSources: ["any", "public"] },
};

/** The policy the ledger is; mandatory in every stage, so an expired exemption always blocks. */
const LEDGER = "paved-exemptions";

/**
 * The level of a policy in a stage:
 * - dev: advisory (teams learn without being blocked), the exemption ledger mandatory;
 * - staging: the pack's default levels;
 * - prod: the defaults, with every security-set policy mandatory.
 */
/**
 * The types a resource policy reads, for the docs: each token when there are a
 * few; for a long list (the pod policies' workload tokens in every API version)
 * the count and the distinct kinds.
 */
export function typesText(types: readonly string[]): string {
  if (types.length <= 10) return types.map((t) => `\`${t}\``).join(", ");
  const kinds = [...new Set(types.map((t) => t.slice(t.lastIndexOf(":") + 1)))];
  return `${types.length} types (${kinds.join(", ")}, in every API version the provider ships)`;
}

export function stageLevel(p: PolicyDefinition, stage: Stage): EnforcementLevel {
  switch (stage) {
    case "dev":
      return p.name === LEDGER ? "mandatory" : "advisory";
    case "staging":
      return p.defaultLevel;
    case "prod":
      return p.securitySet && p.defaultLevel !== "remediate" ? "mandatory" : p.defaultLevel;
    default: {
      const never: never = stage;
      throw new Error(`unknown stage ${String(never)}`);
    }
  }
}

/** The pack-config file for a stage (`pulumi preview --policy-pack-config <file>`). */
export function packConfig(policies: readonly PolicyDefinition[], stage: Stage): Record<string, ConfigEntry> {
  const out: Record<string, ConfigEntry> = {};
  for (const p of policies) {
    const level = stageLevel(p, stage);
    const props = stage === "prod" ? PROD_PROPERTIES[p.name] : undefined;
    out[p.name] = props ? { enforcementLevel: level, ...props } : level;
  }
  return out;
}

/** The JSON text of a stage's pack-config file. */
export function renderPackConfig(policies: readonly PolicyDefinition[], stage: Stage): string {
  return `${JSON.stringify(packConfig(policies, stage), null, 2)}\n`;
}

const CATEGORY_TITLES: Record<Category, string> = {
  network: "Network",
  storage: "Storage and data",
  iam: "IAM",
  kubernetes: "Kubernetes",
  governance: "Governance",
};

function cell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function configRows(p: PolicyDefinition): string[] {
  const props = Object.entries(p.configSchema?.properties ?? {});
  if (props.length === 0) return ["Config: `exemptions` only (see Exemptions)."];
  return [
    "Config (besides `exemptions`):",
    "",
    "| property | default | meaning |",
    "| --- | --- | --- |",
    ...props.map(
      ([k, s]) =>
        `| \`${k}\` | \`${cell(JSON.stringify(s.default ?? null))}\` | ${cell(String(s.description ?? ""))} |`,
    ),
  ];
}

/** The whole of `docs/policies.md`. */
export function renderPolicyDocs(policies: readonly PolicyDefinition[], version: string): string {
  const lines: string[] = [
    "<!-- Generated from the policies' metadata by `npm run docs:policies`. Do not edit by hand. -->",
    "",
    `# The Paved policy pack (v${version})`,
    "",
    "Run it with `pulumi preview --policy-pack ./policies --policy-pack-config ./policies/config/<stage>.json`,",
    "or with `paved check`, which starts the same pack the same way.",
    "",
    `${policies.length} policies. Levels per stage come from the sample pack-config files in \`policies/config/\`:`,
    "dev is advisory (the exemption ledger stays mandatory), staging uses the pack's defaults, prod makes",
    "every security-set policy mandatory.",
    "",
    "## Summary",
    "",
    "| policy | kind | severity | default | dev | staging | prod | frameworks |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const p of policies) {
    const levels = STAGES.map((s) => stageLevel(p, s));
    lines.push(
      `| [\`${p.name}\`](#${p.name}) | ${p.kind} | ${p.severity} | ${p.defaultLevel} | ${levels.join(" | ")} | ${cell(p.frameworks.map(shortFramework).join(", ")) || "-"} |`,
    );
  }
  for (const category of CATEGORIES) {
    const inCategory = policies.filter((p) => p.category === category);
    if (inCategory.length === 0) continue;
    lines.push("", `## ${CATEGORY_TITLES[category]}`);
    for (const p of inCategory) {
      lines.push(
        "",
        `### ${p.name}`,
        "",
        p.description,
        "",
        `Severity **${p.severity}**, default level **${p.defaultLevel}**${p.securitySet ? ", security set" : ""}, ${p.kind} policy${p.kind === "resource" && p.types ? ` on ${typesText(p.types)}` : ""}.`,
        "",
        "Remediation:",
        "",
        ...p.remediation.map((s, i) => `${i + 1}. ${s}`),
        "",
        `Frameworks: ${p.frameworks.map(formatFramework).join("; ") || "none"}.`,
        "",
        ...configRows(p),
      );
    }
  }
  lines.push(
    "",
    "## Pack config: what a platform team hands an app team",
    "",
    "A pack-config file maps a policy name to a level (`advisory`, `mandatory`, `remediate`, `disabled`)",
    'or to `{ "enforcementLevel": ..., <property>: ... }`; the key `all` sets every policy\'s level first.',
    "The engine (and `paved check`) refuse a file that names an unknown policy or fails a policy's",
    "`configSchema`. Samples: `policies/config/dev.json`, `staging.json`, `prod.json` (generated from the",
    "metadata above; copy one and adjust it). `remediate` applies to policies that can fix a resource",
    "(`paved-required-tags` fills missing tags from the stack's `paved:*` config) and reports what is",
    "left as mandatory.",
    "",
    "## Exemptions",
    "",
    "An exemption is data: `{ policy, urn | type | namePattern, owner, ticket, reason, expires }`",
    "(`namePattern` is a glob over the resource's Pulumi name; `expires` is the last day, `YYYY-MM-DD`, UTC).",
    "Put them in a shared file (JSON or YAML, a list or `{ exemptions: [...] }`) and point",
    "`PAVED_EXEMPTIONS_FILE` at it (`paved check --exemptions <file>` does), or in a policy's own pack",
    "config as `exemptions: [...]` (the policy is implied). Each entry is validated with JSON Schema: one",
    "without owner, ticket, reason, expiry or exactly one selector is refused.",
    "",
    "- A finding covered by an unexpired exemption is reported as an **advisory** note naming the ticket,",
    "  owner, expiry and reason.",
    "- An expired exemption covers nothing: the finding keeps its level and says the exemption expired.",
    "- `paved-exemptions` (mandatory in every stage) reports each malformed or expired entry of the shared",
    "  file, and lists every exemption used in the run as an advisory note.",
    "",
    "## Preview unknowns",
    "",
    'A value unknown until apply never fails a policy: the policy reports an advisory "skipped during',
    'preview" note for that resource (security group policies skip only the unknown rule) and checks it',
    "again on update.",
    "",
  );
  return lines.join("\n");
}
