// Polls until check() is true, for things that happen on their own time (a
// watch noticing an expired resourceVersion, a background report, an informer
// seeing a new object). Fails with the description when the deadline passes.
export async function eventually(description: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000, intervalMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${description}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
