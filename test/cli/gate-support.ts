/**
 * Throwaway Pulumi programs for the gate tests: each in its own temporary
 * directory, with `node_modules` linked to this checkout's so the SDKs resolve.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ROOT } from "./run-cli";

/** A security group with SSH open to the internet: the fixture pack's mandatory policy blocks it. */
export const OPEN_SSH =
  'new aws.ec2.SecurityGroup("open-ssh", { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }] });';

const made: string[] = [];

/** Writes a program (Pulumi.yaml added unless given) and returns its directory. */
export function makeProgram(files: Record<string, string>, name = "gate"): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "paved-gate-"));
  made.push(dir);
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
  const all = { "Pulumi.yaml": `name: ${name}\nruntime: nodejs\n`, ...files };
  for (const [file, text] of Object.entries(all)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

/** Removes every program made so far. */
export function cleanPrograms(): void {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}
