// One error type for every fault the user can act on: its message names the
// cause and what to do. Anything else is a bug and keeps its stack trace.
export class ClusterError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = 'ClusterError';
  }
}

/**
 * Runs a command's main(argv) as the process: its number is the exit code; a
 * ClusterError is said in one line (exit 1); anything else keeps its stack.
 */
export async function runMain(main, say) {
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof ClusterError)) throw err;
    say(err.message);
    process.exitCode = 1;
  }
}
