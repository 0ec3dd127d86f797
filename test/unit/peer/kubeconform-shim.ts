// Runs a bats `run bin/kubeconform ARGS` (or `bash -c "cat F | bin/kubeconform ARGS"`)
// as `kubegate validate ARGS`, in-process through runCli with a recording
// CliIo, and returns what bats would see: the status, $output and ${lines[@]}.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/run-cli.js';
import type { ValidateIo } from '../../../src/cli/validate/run-validate.js';
import { shellWords, type Word } from './shell-words.js';

export interface Invocation {
  program: string;
  args: string[];
  env: Record<string, string>;
  /** `cat FILE |`: the file piped to stdin. */
  stdinFile?: string;
  /** `> FILE`: where stdout went. */
  redirect?: string;
}

export interface RunOutcome {
  status: number;
  output: string;
  lines: string[];
}

const PROGRAMS = new Set(['bin/kubeconform', './bin/kubeconform']);

function fromWords(words: readonly string[]): Invocation | string {
  const env: Record<string, string> = {};
  let i = 0;
  for (; /^[A-Z_]+=/.test(words[i] ?? ''); i++) {
    const [name, ...value] = (words[i] ?? '').split('=');
    env[name ?? ''] = value.join('=');
  }
  let stdinFile: string | undefined;
  if (words[i] === 'cat' && words[i + 2] === '|') {
    stdinFile = words[i + 1];
    i += 3;
  }
  const program = words[i] ?? '';
  if (!PROGRAMS.has(program)) return `runs ${program || 'nothing'}, not kubeconform`;
  const rest = words.slice(i + 1);
  const redirectAt = rest.indexOf('>');
  const invocation: Invocation = { program, args: redirectAt === -1 ? rest : rest.slice(0, redirectAt), env };
  if (stdinFile !== undefined) invocation.stdinFile = stdinFile;
  if (redirectAt !== -1 && rest[redirectAt + 1] !== undefined) invocation.redirect = rest[redirectAt + 1];
  return invocation;
}

/** The kubeconform invocation of a `run` step, or why it is not one. */
export function parseInvocation(words: readonly Word[]): Invocation | string {
  const texts = words.map((w) => w.text);
  if (texts[0] === 'bash' && texts[1] === '-c' && texts.length === 3) return fromWords(shellWords(texts[2] ?? '').map((w) => w.text));
  return fromWords(texts);
}

/** Values of one option, in any of kubeconform's spellings (-x v, -x=v, --x v, --x=v). */
export function optionValues(args: readonly string[], name: string): string[] {
  const values: string[] = [];
  args.forEach((arg, i) => {
    const match = /^--?([^=]+)(?:=(.*))?$/.exec(arg);
    if (match?.[1] !== name) return;
    const value = match[2] ?? args[i + 1];
    if (value !== undefined) values.push(value);
  });
  return values;
}

/** Why an invocation needs the network (kubegate's tests never use it), or undefined. */
export function networkNeed(invocation: Invocation): string | undefined {
  if (Object.keys(invocation.env).some((name) => /_PROXY$/i.test(name))) return 'tests an HTTP proxy';
  const remote = optionValues(invocation.args, 'schema-location').filter((location) => /^https?:/i.test(location));
  const cached = optionValues(invocation.args, 'cache').some((dir) => dir.replace(/\/+$/, '') === 'fixtures/cache');
  return remote.length > 0 && !cached ? `downloads schemas from ${remote[0]}` : undefined;
}

function refuseNetwork(url: string): Promise<never> {
  return Promise.reject(new Error(`network disabled in tests (${url})`));
}

/** Runs the invocation as `kubegate validate` with `cwd` as the working folder. */
export async function runKubeconformShim(invocation: Invocation, cwd: string): Promise<RunOutcome & { stdout: string }> {
  const combined: string[] = [];
  const stdout: string[] = [];
  const stdin = invocation.stdinFile === undefined ? undefined : await readFile(join(cwd, invocation.stdinFile), 'utf8');
  const io: ValidateIo = {
    stdout: (text) => {
      stdout.push(text);
      if (invocation.redirect === undefined) combined.push(text);
    },
    stderr: (text) => combined.push(text),
    readStdin: () => Promise.resolve(stdin ?? ''),
    cwd,
    env: { ...invocation.env },
    stdinIsTTY: stdin === undefined,
    fetch: refuseNetwork,
  };
  const status = await runCli(['validate', ...invocation.args], io);
  // bats: $output is stdout+stderr without trailing newlines; ${lines[@]} skips empty lines.
  const output = combined.join('').replace(/\n+$/, '').replace(/^Usage: kubegate validate /gm, `Usage: ${invocation.program} `);
  return { status, output, lines: output.split('\n').filter((line) => line !== ''), stdout: stdout.join('') };
}
