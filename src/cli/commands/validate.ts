// `kubegate validate [options] PATH...`: kubeconform-compatible validation.
// Wiring only: arguments -> help/version/usage errors -> runValidate.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findPackageRoot } from '../../validate/find-package-root.js';
import { parseValidateArgs, ValidateUsageError } from '../validate/parse-validate-args.js';
import { runValidate, type ValidateIo } from '../validate/run-validate.js';
import { validateUsage } from '../validate/validate-options.js';

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(join(findPackageRoot(), 'package.json'), 'utf8')) as { version?: unknown };
  return typeof manifest.version === 'string' ? manifest.version : 'unknown';
}

export async function run(args: string[], io: ValidateIo): Promise<number> {
  let parsed;
  try {
    parsed = parseValidateArgs(args);
  } catch (err: unknown) {
    if (!(err instanceof ValidateUsageError)) throw err;
    io.stderr(`${err.message}\n${err.withUsage ? validateUsage() : ''}`);
    return 1;
  }
  if (parsed.command === 'help') {
    io.stdout(validateUsage());
    return 0;
  }
  if (parsed.command === 'version') {
    io.stdout(`${packageVersion()}\n`);
    return 0;
  }
  return runValidate(parsed.args, io);
}
