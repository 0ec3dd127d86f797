// Kubernetes resource quantities ("100m", "128Mi", "1.5", "2e3"): the grammar
// of k8s.io/apimachinery/pkg/api/resource.ParseQuantity. Schemas type them
// only as string-or-number, so "1.5 Gi" or "100MB" pass a schema check and
// fail at the API server.

const QUANTITY = /^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))([KMGTPE]i|[numkMGTPE]|[eE][+-]?[0-9]+)?$/;

const MULTIPLIERS: Readonly<Record<string, number>> = {
  n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

export function isQuantity(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' && QUANTITY.test(value);
}

export const QUANTITY_HINT = 'write a number with an optional suffix, like 250m, 0.5, 128Mi, 2Gi or 1e3';

/** The quantity's value as a number (approximate for huge values), or undefined when it is not a quantity. */
export function quantityValue(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const match = typeof value === 'string' ? QUANTITY.exec(value) : null;
  if (!match) return undefined;
  const number = Number(match[1]);
  const suffix = match[2] ?? '';
  const code = suffix.charCodeAt(0);
  if ((code === 101 || code === 69) && suffix.length > 1) return number * 10 ** Number(suffix.slice(1)); // e/E and an exponent ("E" alone is exa)
  return number * (MULTIPLIERS[suffix] ?? 1);
}
