// The Lease of an environment could not be held: another sync kept it past
// the wait budget, or it was taken away while this sync ran.
export class LeaseError extends Error {
  override readonly name = 'LeaseError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
