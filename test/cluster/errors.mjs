// One error type for every fault the user can act on: its message names the
// cause and what to do. Anything else is a bug and keeps its stack trace.
export class ClusterError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = 'ClusterError';
  }
}
