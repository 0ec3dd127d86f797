// A comment body -> the commands in it: one per line, at the start of a line,
// after the prefix. Quoted lines (">") and code (fenced or indented) are
// skipped, so quoting someone's "/sync production" runs nothing.
import { COMMAND_NAMES, type ChatCommand, type CommandName } from './types.js';

export const DEFAULT_PREFIX = '/';
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const WORD = /^[a-z][a-z-]*$/i;
const SHA = /^[0-9a-f]{7,40}$/i;
/** The arguments each command takes, in order. */
const ARGUMENTS: Record<CommandName, readonly ('environment' | 'sha')[]> = {
  sync: ['environment'],
  rollback: ['environment', 'sha'],
  diff: ['environment'],
  validate: [],
  help: [],
};

export function parseCommands(body: string, prefix = DEFAULT_PREFIX): ChatCommand[] {
  const commands: ChatCommand[] = [];
  let fence: string | undefined;
  for (const raw of body.split(/\r?\n/)) {
    const marker = FENCE.exec(raw)?.[1];
    if (marker !== undefined && (fence === undefined || marker.startsWith(fence))) {
      fence = fence === undefined ? marker : undefined;
      continue;
    }
    if (fence !== undefined || isQuoteOrIndentedCode(raw)) continue;
    const command = parseLine(raw.trimEnd(), prefix);
    if (command) commands.push(command);
  }
  return commands;
}

function isQuoteOrIndentedCode(line: string): boolean {
  return /^ {0,3}>/.test(line) || /^( {4}|\t)/.test(line);
}

function parseLine(line: string, prefix: string): ChatCommand | undefined {
  const bare = prefix.trimEnd();
  if (line === bare && bare !== prefix) return { kind: 'command', name: 'help', line };
  const rest = line.startsWith(prefix) ? line.slice(prefix.length) : '';
  const [word = '', ...args] = rest.split(/\s+/).filter((w, i) => i === 0 || w !== '');
  if (!WORD.test(word)) return undefined;
  const name = COMMAND_NAMES.find((n) => n === word.toLowerCase());
  if (!name) return { kind: 'unknown', line, reason: `"${word}" is not a kubegate command` };
  return withArguments(name, args, line);
}

function withArguments(name: CommandName, args: string[], line: string): ChatCommand {
  const allowed = ARGUMENTS[name];
  if (args.length > allowed.length) return { kind: 'unknown', line, reason: `${name} takes ${describe(allowed)}, not "${args.join(' ')}"` };
  const command: ChatCommand = { kind: 'command', name, line };
  for (const [i, arg] of args.entries()) {
    if (allowed[i] === 'sha' && !SHA.test(arg)) return { kind: 'unknown', line, reason: `"${arg}" is not a commit SHA` };
    command[allowed[i] === 'sha' ? 'sha' : 'environment'] = arg;
  }
  return command;
}

function describe(allowed: readonly string[]): string {
  return allowed.length === 0 ? 'no arguments' : `at most ${allowed.map((a) => a.toUpperCase()).join(' and ')}`;
}
