// metav1.MicroTime as the API server writes it: RFC 3339 with 6 fractional digits.
export function microTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}
