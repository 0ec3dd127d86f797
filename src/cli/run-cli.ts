import { type CliIo, processIo, UsageError } from './io.js';

type Command = (args: string[], io: CliIo) => Promise<number>;

/** Subcommands, loaded on demand so `kubegate validate` does not load the cluster client. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  validate: {
    summary: 'validate manifests against Kubernetes schemas (kubeconform-compatible)',
    load: async () => (await import('./commands/validate.js')).run,
  },
  policy: {
    summary: 'evaluate CEL policies (ValidatingAdmissionPolicy) against manifests',
    load: async () => (await import('./commands/policy.js')).run,
  },
  diff: { summary: 'show what applying manifests would change in a cluster (like kubectl diff --server-side)', load: async () => (await import('./commands/diff.js')).run },
  drift: { summary: "report what changed in an environment's cluster outside Git since the deployed revision", load: async () => (await import('./commands/drift.js')).run },
  plan: {
    summary: 'run the whole pull-request pipeline on a local git repository',
    load: async () => (await import('./commands/plan.js')).run,
  },
  sync: {
    summary: "bring an environment's cluster to a git revision, as the app does after a merge (apply mode)",
    load: async () => (await import('./commands/sync.js')).run,
  },
};

export function usage(): string {
  const lines = ['Usage: kubegate <command> [options]', '', 'Commands:'];
  for (const [name, c] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(10)} ${c.summary}`);
  lines.push('', 'Run `kubegate <command> --help` for the options of a command.');
  return `${lines.join('\n')}\n`;
}

export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`kubegate: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  try {
    const run = await command.load();
    return await run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`kubegate ${name}: ${err.message}\n`);
      return err.exitCode;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.stderr(`kubegate ${name}: ${message}\n`);
    return 2;
  }
}
