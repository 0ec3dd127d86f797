// The command `npm start` runs the app with (package.json "start", e.g.
// `probot run ./dist/app/index.js`), as an argument array for spawn, never a
// shell: `probot` is node_modules/probot/bin/probot.js run by this Node, and
// relative paths become absolute, so the app may run in another folder.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { isObject } from './openapi-description.js';

export interface StartCommand {
  command: string;
  args: string[];
  /** The files the script names (the built app), absolute. */
  files: string[];
}

export function appStartCommand(root: string): StartCommand {
  const script = startScript(root);
  if (/[|&;<>()$`"'\\*?]/.test(script)) {
    throw new Error(`package.json "start" (${script}) is more than a command with plain arguments; it is run without a shell`);
  }
  const [bin, ...rest] = script.trim().split(/\s+/);
  if (bin !== 'probot') throw new Error(`package.json "start" (${script}) runs "${bin ?? ''}", not probot`);
  const args = rest.map((arg) => (arg.startsWith('./') || arg.startsWith('../') ? resolve(root, arg) : arg));
  return {
    command: process.execPath,
    args: [join(root, 'node_modules', 'probot', 'bin', 'probot.js'), ...args],
    files: args.filter((arg) => arg.startsWith(root)),
  };
}

const BUILD_HINT = 'run `npm run build` first (`npm test` builds dist/ before jest)';

/** Fails, saying to build, when a file the start script runs does not exist. */
export function assertBuilt(root: string, command: StartCommand): void {
  for (const file of command.files) {
    if (!existsSync(file)) throw new Error(`${relative(root, file)}, which package.json "start" runs, does not exist: ${BUILD_HINT}`);
  }
}

/**
 * A note when a module the built app imports is older than its source (only
 * the app's own modules count: a change to the CLI does not make the app
 * stale). Only a note: sources edited while a suite runs are no failure.
 */
export function staleBuildNote(root: string, command: StartCommand, dirs = { dist: join(root, 'dist'), src: join(root, 'src') }): string | undefined {
  for (const built of command.files.flatMap((file) => importedModules(file))) {
    const source = join(dirs.src, relative(dirs.dist, built)).replace(/\.js$/, '.ts');
    if (existsSync(source) && statSync(source).mtimeMs > statSync(built).mtimeMs) {
      return `${relative(root, built)} is older than ${relative(root, source)}: the test runs the app as last built; ${BUILD_HINT}`;
    }
  }
  return undefined;
}

/** The module and every local module it imports, transitively (relative specifiers of import/export ... from and import()). */
function importedModules(entry: string): string[] {
  const seen = new Set<string>();
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^import\s*)['"](\.{1,2}\/[^'"]+)['"]/gm)) {
      pending.push(resolve(dirname(file), match[1] ?? ''));
    }
  }
  return [...seen];
}

function startScript(root: string): string {
  const pkg: unknown = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const scripts = isObject(pkg) ? pkg['scripts'] : undefined;
  const start = isObject(scripts) ? scripts['start'] : undefined;
  if (typeof start !== 'string') throw new Error(`${join(root, 'package.json')} has no "start" script`);
  return start;
}
