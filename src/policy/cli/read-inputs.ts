// Files and directories named on the command line -> { file, content } pairs.
// Directories are searched recursively (sorted, hidden entries skipped).
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';

export interface InputFile {
  file: string;
  content: string;
}

const MANIFEST = /\.(ya?ml|json)$/i;

async function walk(dir: string): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.')).sort((a, b) => a.name.localeCompare(b.name));
  const out: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else if (entry.isFile() && MANIFEST.test(entry.name)) out.push(path);
  }
  return out;
}

function errorCode(err: unknown): unknown {
  return typeof err === 'object' && err !== null && 'code' in err ? (err as { code: unknown }).code : undefined;
}

function displayName(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel.startsWith('..') ? path : rel;
}

/** Reads the named paths; "-" reads standard input once. Throws with the path that cannot be read. */
export async function readInputs(paths: readonly string[], cwd: string, readStdin: () => Promise<string>): Promise<InputFile[]> {
  const files: InputFile[] = [];
  for (const path of paths) {
    if (path === '-') {
      files.push({ file: '<stdin>', content: await readStdin() });
      continue;
    }
    const absolute = resolve(cwd, path);
    const info = await stat(absolute).catch((err: unknown) => {
      throw new Error(`cannot read ${path}: ${errorCode(err) === 'ENOENT' ? 'no such file or directory' : String(err)}`, { cause: err });
    });
    const found = info.isDirectory() ? await walk(absolute) : [absolute];
    for (const file of found) files.push({ file: displayName(cwd, file), content: await readFile(file, 'utf8') });
  }
  return files;
}
