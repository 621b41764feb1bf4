/**
 * Every ECR repository in the stack scans images on push (a stack policy: the
 * scan can be set on the repository or by the registry's scanning
 * configuration). A repository is covered when its
 * `imageScanningConfiguration.scanOnPush` is true, or when an
 * `aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration` in
 * the stack has a rule with `scanFrequency` SCAN_ON_PUSH or CONTINUOUS_SCAN
 * whose repository filter matches the repository's name.
 */
import { defineStackPolicy } from "../../lib/define";
import { awsFsbp } from "../../lib/frameworks";
import { asList, asRecord, asString, isTrue, peek } from "../../lib/props";
import type { Finding, StackResource } from "../../lib/types";
import { ECR_REPOSITORY } from "./ecr-tag-immutable";
import { ofType } from "../../lib/stack-index";

export const ECR_REGISTRY_SCANNING = "aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration";

const SCANNING_FREQUENCIES = ["SCAN_ON_PUSH", "CONTINUOUS_SCAN"];

/** A registry rule's repository filter (`WILDCARD`: `*` matches any run of characters). */
function filterMatches(filter: string, name: string | undefined): boolean {
  if (/^\*+$/.test(filter)) return true;
  if (name === undefined) return false;
  const re = new RegExp(
    `^${filter
      .split("*")
      .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*")}$`,
  );
  return re.test(name);
}

/** The filters of every scanning rule in a registry configuration; undefined when unknown at preview. */
function scanningFilters(config: StackResource): string[] | undefined {
  return peek(() => {
    const out: string[] = [];
    for (const rule of asList(config.props.rules).map(asRecord)) {
      if (!rule || !SCANNING_FREQUENCIES.includes(asString(rule.scanFrequency) ?? "")) continue;
      for (const f of asList(rule.repositoryFilters).map(asRecord)) {
        const filter = asString(f?.filter);
        if (filter !== undefined) out.push(filter);
      }
    }
    return out;
  });
}

export const ecrScanOnPush = defineStackPolicy({
  name: "aws-ecr-scan-on-push",
  description: "ECR repositories scan images for vulnerabilities on push.",
  category: "governance",
  severity: "medium",
  defaultLevel: "mandatory",
  securitySet: true,
  remediation: [
    "Set `imageScanningConfiguration: { scanOnPush: true }` on the repository,",
    'or add an `aws.ecr.RegistryScanningConfiguration` (`scanType: "ENHANCED"`) with a rule `scanFrequency: "SCAN_ON_PUSH"` (or `CONTINUOUS_SCAN`) whose repository filter matches the repository.',
  ],
  frameworks: [awsFsbp("ECR.1")],
  check(resources) {
    const registry = ofType(resources, ECR_REGISTRY_SCANNING).map((c) => scanningFilters(c));
    const knownFilters = registry.flatMap((f) => f ?? []);
    const registryUnknown = registry.some((f) => f === undefined);
    const findings: Finding[] = [];
    for (const repo of ofType(resources, ECR_REPOSITORY)) {
      const scanOnPush = peek(() => {
        const v = asRecord(asList(repo.props.imageScanningConfiguration)[0])?.scanOnPush;
        return { set: v !== undefined, on: isTrue(v) };
      });
      if (scanOnPush?.on) continue;
      const name = peek(() => asString(repo.props.name) ?? null);
      if (knownFilters.some((f) => filterMatches(f, name ?? undefined))) continue;
      if (scanOnPush === undefined || registryUnknown || name === undefined) {
        findings.push({
          urn: repo.urn,
          advisory: true,
          message: `ECR repository "${repo.name}": its scan setting or the registry's scanning rules are unknown during preview, so scan on push is checked again on update`,
        });
        continue;
      }
      findings.push({
        urn: repo.urn,
        message: `ECR repository "${repo.name}" does not scan images on push (imageScanningConfiguration.scanOnPush is ${scanOnPush.set ? "false" : "unset"} and no registry scanning rule covers it${name === null && knownFilters.length > 0 ? ": it has no explicit name for a filter other than * to match" : ""}); set imageScanningConfiguration: { scanOnPush: true }`,
      });
    }
    return findings;
  },
});
