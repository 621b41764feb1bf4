/**
 * Constructors for framework references, so every policy cites a control the
 * same way and the docs can group them. Versions are the ones the pack was
 * checked against; bump them here, in one place.
 */
import type { FrameworkRef } from "./types";

/** CIS Amazon Web Services Foundations Benchmark v3.0.0, by recommendation number (`5.2`). */
export function cisAws(reference: string): FrameworkRef {
  return { name: "CIS AWS Foundations Benchmark", version: "3.0.0", reference };
}

/** AWS Foundational Security Best Practices, by Security Hub control id (`EC2.19`). */
export function awsFsbp(reference: string): FrameworkRef {
  return { name: "AWS Foundational Security Best Practices", version: "1.0.0", reference };
}

/** Kubernetes Pod Security Standards, restricted profile, by control (`Privilege Escalation`). */
export function pssRestricted(control: string): FrameworkRef {
  return { name: "Pod Security Standards", version: "restricted", reference: control };
}

/** CIS Kubernetes Benchmark v1.9.0, by recommendation number (`5.2.5`). */
export function cisKubernetes(reference: string): FrameworkRef {
  return { name: "CIS Kubernetes Benchmark", version: "1.9.0", reference };
}

/** NIST SP 800-53 Rev. 5, by control id (`CM-8`). */
export function nist80053(reference: string): FrameworkRef {
  return { name: "NIST SP 800-53", version: "Rev. 5", reference };
}

/** `CIS AWS Foundations Benchmark 3.0.0 5.2`: one line, for docs and violation text. */
export function formatFramework(f: FrameworkRef): string {
  return `${f.name} ${f.version} ${f.reference}`;
}

const SHORT_NAMES: Readonly<Record<string, string>> = {
  "CIS AWS Foundations Benchmark": "CIS AWS",
  "AWS Foundational Security Best Practices": "AWS FSBP",
  "Pod Security Standards": "PSS",
  "CIS Kubernetes Benchmark": "CIS K8s",
  "NIST SP 800-53": "NIST 800-53",
};

/** `CIS AWS 5.2`: the short form, for tables. */
export function shortFramework(f: FrameworkRef): string {
  return `${SHORT_NAMES[f.name] ?? f.name} ${f.reference}`;
}
