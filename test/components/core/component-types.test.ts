import * as fs from "fs";
import * as path from "path";
import {
  isPavedComponentType,
  PAVED_COMPONENT_TYPES,
  patternOfType,
} from "../../../components/core/component-types";

const ROOT = path.join(__dirname, "../../../components");

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith(".ts") && !e.name.endsWith(".d.ts") ? [p] : [];
  });
}

/** Every `class X extends pulumi.ComponentResource` and the token its `super(...)` registers. */
function componentClasses(): { file: string; name: string; token: string }[] {
  const out: { file: string; name: string; token: string }[] = [];
  for (const file of sources(ROOT)) {
    const text = fs.readFileSync(file, "utf8");
    const consts = new Map<string, string>();
    for (const m of text.matchAll(/const (\w+)\s*=\s*"([^"]+)"/g)) consts.set(m[1], m[2]);
    for (const m of text.matchAll(/class (\w+) extends (?:pulumi\.)?ComponentResource\b/g)) {
      const rest = text.slice(m.index);
      const sup = /super\(\s*(`[^`]*`|"[^"]*"|\w+)/.exec(rest);
      if (!sup) throw new Error(`${file}: ${m[1]} has no super(type, ...) call`);
      let token = sup[1];
      if (token.startsWith('"')) token = token.slice(1, -1);
      else if (token.startsWith("`")) {
        token = token.slice(1, -1).replace(/\$\{(\w+)\}/g, (_, c: string) => {
          const v = consts.get(c);
          if (v === undefined) throw new Error(`${file}: cannot resolve \${${c}} in ${m[1]}'s type token`);
          return v;
        });
      } else {
        const v = consts.get(token);
        if (v === undefined) throw new Error(`${file}: cannot resolve ${token} in ${m[1]}'s type token`);
        token = v;
      }
      out.push({ file: path.relative(ROOT, file), name: m[1], token });
    }
  }
  return out;
}

describe("the Paved component registry", () => {
  const classes = componentClasses();

  test("finds the component classes", () => {
    expect(classes.length).toBeGreaterThanOrEqual(10);
  });

  test.each(classes.map((c) => [c.name, c] as const))("%s's token is registered", (_, c) => {
    expect(isPavedComponentType(c.token)).toBe(true);
    expect(PAVED_COMPONENT_TYPES[c.name as keyof typeof PAVED_COMPONENT_TYPES]).toBe(c.token);
    expect(patternOfType(c.token)).toBe(c.name);
  });

  test("every registered token belongs to a class (no stale entries)", () => {
    expect(new Set(classes.map((c) => c.token))).toEqual(new Set(Object.values(PAVED_COMPONENT_TYPES)));
  });

  test("a look-alike token is not a Paved component", () => {
    expect(isPavedComponentType("paved:x:Anything")).toBe(false);
    expect(isPavedComponentType("paved:aws:SegmentedNetworkX")).toBe(false);
  });
});
