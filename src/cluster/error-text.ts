// The message of a caught value, for "... cannot be read: <message>". Errors
// from Node's own modules may come from another realm (test sandboxes), so
// this does not rely on instanceof Error.
export function errorText(err: unknown): string {
  const message = (err as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(err);
}
