/**
 * Argument checks shared by the components: values that must be plain (they
 * decide what is created and how it is named), ARNs where an ARN is required,
 * and the VPC range's class. Each returns problems for a `Problems` list, so a
 * component still throws once with everything.
 */
import * as pulumi from "@pulumi/pulumi";
import { classifyCidr } from "./cidr";
import type { ValidationProblem } from "./errors";

/** True for a Pulumi Output or a promise: a value not known while the component plans. */
export function isEventual(v: unknown): boolean {
  if (pulumi.Output.isInstance(v)) return true;
  return typeof v === "object" && v !== null && typeof (v as { then?: unknown }).then === "function";
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== "object" || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * Every Output (or promise) in `args` outside the `inputs` paths: plan-shaping
 * arguments must be plain values. `inputs` names the arguments documented as
 * `pulumi.Input` (`flowLogs.kmsKeyArn`, `tags`); a path under one is allowed too.
 * List indices are ignored when matching (`targets.id` allows `targets[3].id`).
 */
export function plainValueProblems(args: unknown, inputs: readonly string[] = []): ValidationProblem[] {
  const allowed = new Set(inputs);
  const problems: ValidationProblem[] = [];
  const isAllowed = (pattern: string) => {
    for (let p = pattern; p; p = p.includes(".") ? p.slice(0, p.lastIndexOf(".")) : "") {
      if (allowed.has(p)) return true;
    }
    return false;
  };
  const walk = (v: unknown, path: string, pattern: string, depth: number) => {
    if (path && isAllowed(pattern)) return;
    if (isEventual(v)) {
      problems.push({
        arg: path || "args",
        problem: "must be a plain value, not an Output",
        fix: `it shapes what is created, so it must be known before anything is: pass the value itself (a literal, or from stack config with config.require...), not another resource's output${inputs.length ? `; only ${inputs.join(", ")} may be Outputs` : ""}`,
        code: "PAVED_ARG_NOT_PLAIN",
      });
      return;
    }
    if (depth > 8) return;
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`, pattern, depth + 1));
    else if (isPlainObject(v)) {
      for (const [k, x] of Object.entries(v)) {
        walk(x, path ? `${path}.${k}` : k, pattern ? `${pattern}.${k}` : k, depth + 1);
      }
    }
  };
  walk(args, "", "", 0);
  return problems;
}

const PARTITIONS = "aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b|aws-iso-e|aws-iso-f|aws-eusc";
const ARN = new RegExp(`^arn:(?:${PARTITIONS}):([a-z0-9-]+):([a-z0-9-]*):(\\d{12}|aws)?:(.+)$`);

/**
 * Checks an ARN argument that is a plain string (an Output is checked by the
 * provider when it resolves). `service` is the one it must name (`kms`, `sns`),
 * `example` is shown in the fix.
 */
export function arnProblems(
  arg: string,
  value: unknown,
  expect: { service: string; what: string; example: string },
): ValidationProblem[] {
  if (value === undefined || isEventual(value)) return [];
  const fix = `give the ${expect.what}'s ARN, for example ${expect.example}`;
  if (typeof value !== "string") {
    return [{ arg, problem: `${JSON.stringify(value)} is not an ARN`, fix, code: "PAVED_ARN_INVALID" }];
  }
  const m = ARN.exec(value);
  if (!m) {
    return [{ arg, problem: `"${value}" is not an ARN`, fix, code: "PAVED_ARN_INVALID" }];
  }
  if (m[1] !== expect.service) {
    return [
      {
        arg,
        problem: `"${value}" is an ARN of ${m[1]}, not ${expect.service}`,
        fix,
        code: "PAVED_ARN_SERVICE",
      },
    ];
  }
  return [];
}

/**
 * A VPC range in public address space (not RFC 1918 or 100.64.0.0/10):
 * allowed (an organisation may own it), but worth a warning, since traffic to
 * the real owners of that range would stay inside the VPC.
 */
export function warnIfPublicVpcCidr(component: string, name: string, arg: string, cidr: unknown): boolean {
  if (typeof cidr !== "string" || classifyCidr(cidr) !== "public") return false;
  void pulumi.log.warn(
    `${component} "${name}": ${arg} ${cidr} is in public address space; use a private range (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16) unless your organisation owns this one`,
  );
  return true;
}
