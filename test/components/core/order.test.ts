import { spawnSync } from "child_process";
import * as path from "path";
import { compareText } from "../../../components/core/order";
import { contentHash } from "../../../components/aws/network/flows";

const ROOT = path.resolve(__dirname, "../../..");

describe("compareText", () => {
  test("orders by UTF-16 code units: upper case before lower, '-' before '_', 'aa' before 'b'", () => {
    expect(["web", "Web", "sg_a", "sg-a", "b", "aa", "å"].sort(compareText)).toEqual([
      "Web",
      "aa",
      "b",
      "sg-a",
      "sg_a",
      "web",
      "å",
    ]);
  });

  test("is a total order: 0 only for equal strings, antisymmetric", () => {
    expect(compareText("a", "a")).toBe(0);
    expect(compareText("a", "b")).toBe(-1);
    expect(compareText("b", "a")).toBe(1);
  });
});

/** Two NACL entry ids of one tier and direction whose rule-number slots collide, one with "aa" in its hash. */
function collidingIds(): [string, string] {
  const slot = (id: string) => parseInt(contentHash(id, 8), 16) % 3190;
  const bySlot = new Map<number, string>();
  for (let i = 0; i < 20_000; i++) {
    const a = `nacl-app-in-aa${i.toString(16).padStart(6, "0")}`;
    bySlot.set(slot(a), a);
  }
  for (let j = 0; j < 20_000; j++) {
    const b = `nacl-app-in-b${j.toString(16).padStart(7, "0")}`;
    const a = bySlot.get(slot(b));
    if (a) return [a, b];
  }
  throw new Error("no colliding pair in the search range");
}

/** Runs the rule numbering in a fresh Node process with the given locale. */
function numberInLocale(locale: string, ids: readonly string[]): { localeOrder: string[]; numbers: unknown } {
  const script = `
    const { numberEntries } = require(${JSON.stringify(path.join(ROOT, "components/aws/network/rules.ts"))});
    const ids = ${JSON.stringify(ids)};
    const entries = ids.map((id) => ({
      id, tier: "app", direction: "ingress", action: "allow", protocol: "tcp",
      ref: { kind: "cidr", cidr: "10.0.0.0/16", version: 4, label: "vpc" },
      justification: "test", ticket: "T-1",
    }));
    process.stdout.write(JSON.stringify({
      localeOrder: [...ids].sort((a, b) => a.localeCompare(b)),
      numbers: numberEntries(entries).map((e) => [e.id, e.ruleNumber]).sort(),
    }));`;
  const r = spawnSync(process.execPath, ["-r", "sucrase/register/ts", "-e", script], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, LANG: locale, LC_ALL: locale },
  });
  if (r.status !== 0) throw new Error(`node exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout) as { localeOrder: string[]; numbers: unknown };
}

test("NACL rule numbers are the same in every locale, where localeCompare's order is not", () => {
  const ids = collidingIds();
  const danish = numberInLocale("da_DK.UTF-8", ids);
  const plain = numberInLocale("C.UTF-8", ids);
  // The control: the machine's locale reaches ICU, and it orders this pair differently
  // (Danish sorts "aa" as "å", after "z"), so a resolution in localeCompare order would differ.
  expect(danish.localeOrder).toEqual([...ids].reverse());
  expect(plain.localeOrder).toEqual([...ids]);
  // Both collide: one takes the slot, the other the next one, the same way in both locales.
  expect(danish.numbers).toEqual(plain.numbers);
  const numbers = (plain.numbers as [string, number][]).map(([, n]) => n);
  expect(Math.abs(numbers[0] - numbers[1])).toBe(10);
});
