/**
 * Kubernetes resource quantities (`500m`, `2`, `512Mi`, `1G`, `1e3`), parsed
 * to plain numbers so quotas, limits and sizes can be compared before any
 * object is created. Pure. The grammar follows apimachinery's
 * `resource.Quantity`: a signed decimal, then an optional binary suffix
 * (Ki..Ei), decimal suffix (n, u, m, k, M..E) or exponent (`e3`).
 */

const BINARY: Readonly<Record<string, number>> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const DECIMAL: Readonly<Record<string, number>> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  "": 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;

/**
 * The value of a quantity in base units (cores for CPU, bytes for memory and
 * storage, a count for objects). Undefined when the text is not a quantity.
 */
export function parseQuantity(text: string | number): number | undefined {
  if (typeof text === "number") return Number.isFinite(text) ? text : undefined;
  if (typeof text !== "string") return undefined;
  const m = QUANTITY.exec(text.trim());
  if (!m) return undefined;
  const base = Number(m[1]);
  const suffix = m[2] ?? "";
  if (suffix in BINARY) return base * BINARY[suffix];
  if (suffix in DECIMAL) return base * DECIMAL[suffix];
  return base * 10 ** Number(suffix.slice(1));
}

/** Bytes in one GiB, for size limits written in GiB. */
export const GIB = 2 ** 30;
