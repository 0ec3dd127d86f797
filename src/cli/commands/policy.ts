// kubegate policy: evaluate CEL policies against manifests (wiring only).
import type { CliIo } from '../io.js';
import { runPolicyCommand } from '../../policy/cli/run-policy-command.js';

export function run(args: string[], io: CliIo): Promise<number> {
  return runPolicyCommand(args, io);
}
