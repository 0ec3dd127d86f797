// Helpers of the diff integration tests: kubectl (spawned with argument
// arrays and KUBECONFIG in its environment), kubegate's diff on the same file,
// and a parser that turns either unified diff back into both sides per object.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import yaml from 'js-yaml';
import { dryRunEnvironment } from '../../src/cluster/index.js';
import { buildEnvironmentDiff, renderUnifiedDiff, type EnvironmentDiff } from '../../src/diff/index.js';
import { loadManifests } from '../../src/manifests/index.js';
import { clusterClient, kubeconfigPath } from '../setup/cluster-env.js';

export const hasKubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function kubectl(args: string[], env: Record<string, string> = {}): Run {
  const r = spawnSync('kubectl', args, {
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 256 * 1024 * 1024,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), KUBECONFIG: kubeconfigPath(), ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function writeManifest(text: string, name = 'manifest.yaml'): string {
  const file = join(mkdtempSync(join(tmpdir(), 'kubegate-diff-')), name);
  writeFileSync(file, text);
  return file;
}

/** Applies with kubectl: client-side (as a user would) or server-side under a manager. */
export function kubectlApply(text: string, how: { serverSide?: string } = {}): void {
  const args = ['apply', '-f', writeManifest(text)];
  if (how.serverSide) args.push('--server-side', `--field-manager=${how.serverSide}`, '--force-conflicts');
  const r = kubectl(args);
  if (r.status !== 0) throw new Error(`kubectl ${args.join(' ')} failed: ${r.stderr}`);
}

/** `kubectl diff --server-side`; fullContext: whole files (KUBECTL_EXTERNAL_DIFF with -U). */
export function kubectlDiff(file: string, fullContext = false): Run {
  return kubectl(
    ['diff', '--server-side', '--field-manager=kubegate', '--force-conflicts', '-f', file],
    fullContext ? { KUBECTL_EXTERNAL_DIFF: 'diff -N -U1000000' } : {},
  );
}

export async function kubegateEnvironmentDiff(file: string, contextLines?: number): Promise<EnvironmentDiff> {
  const { objects, errors } = loadManifests(basename(file), readFileSync(file));
  if (errors.length > 0) throw new Error(`manifest errors: ${JSON.stringify(errors)}`);
  const dryRun = await dryRunEnvironment({ client: clusterClient(), environment: 'test', cluster: 'local', objects });
  return buildEnvironmentDiff(dryRun, contextLines === undefined ? {} : { contextLines });
}

export async function kubegateDiff(file: string, fullContext = false): Promise<string> {
  return renderUnifiedDiff(await kubegateEnvironmentDiff(file, fullContext ? 1_000_000 : undefined));
}

export interface ParsedFileDiff {
  before: string;
  after: string;
  /** The +/- lines, in order. */
  changes: string[];
}

/** Splits unified diff output (kubectl's or kubegate's) into objects keyed by kubectl's file name. */
export function parseUnifiedDiff(text: string): Map<string, ParsedFileDiff> {
  const files = new Map<string, ParsedFileDiff>();
  let current: ParsedFileDiff | undefined;
  let inHunk = false;
  for (const line of text.split('\n')) {
    const header = /^diff .* (\S+)$/.exec(line);
    if (header?.[1]) {
      current = { before: '', after: '', changes: [] };
      files.set(basename(header[1]), current);
      inHunk = false;
      continue;
    }
    if (!current) continue;
    if (line.startsWith('@@')) {
      inHunk = true;
      continue;
    }
    if (!inHunk || line.startsWith('\\')) continue;
    const body = line.slice(1);
    if (line.startsWith(' ')) {
      current.before += `${body}\n`;
      current.after += `${body}\n`;
    } else if (line.startsWith('-')) {
      current.before += `${body}\n`;
      current.changes.push(line);
    } else if (line.startsWith('+')) {
      current.after += `${body}\n`;
      current.changes.push(line);
    }
  }
  return files;
}

/** Fields kubegate leaves out of its diff on purpose (server bookkeeping, status, client-side-apply annotation). */
export const IGNORED_FIELDS = [
  /^metadata\.(generation|resourceVersion|uid|creationTimestamp|managedFields)(\.|\[|$)/,
  /^metadata\.annotations\.kubectl\.kubernetes\.io\/last-applied-configuration$/,
  /^status(\.|$)/,
];

function leaves(value: unknown, prefix: string, into: Map<string, string>): void {
  if (Array.isArray(value) && value.length > 0) {
    value.forEach((v, i) => leaves(v, `${prefix}[${i}]`, into));
  } else if (typeof value === 'object' && value !== null && Object.keys(value).length > 0) {
    for (const [k, v] of Object.entries(value)) leaves(v, prefix === '' ? k : `${prefix}.${k}`, into);
  } else {
    into.set(prefix, JSON.stringify(value));
  }
}

/** The leaf fields whose values differ between the two YAML texts (ignored fields left out). */
export function changedFields(before: string, after: string): string[] {
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  leaves(before === '' ? {} : yaml.load(before), '', a);
  leaves(after === '' ? {} : yaml.load(after), '', b);
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys].filter((k) => a.get(k) !== b.get(k) && !IGNORED_FIELDS.some((re) => re.test(k))).sort();
}

/** Per object: the changed fields, for objects with at least one. */
export function changedFieldsByObject(diff: Map<string, ParsedFileDiff>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [name, file] of diff) {
    const fields = changedFields(file.before, file.after);
    if (fields.length > 0) out.set(name, fields);
  }
  return out;
}

const IGNORED_LINE = /^[-+]\s*(generation|resourceVersion|uid|creationTimestamp): /;

/** +/- lines without those for fields kubegate leaves out (bookkeeping lines and the status block). */
export function withoutIgnoredLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  let inStatus = false;
  for (const line of lines) {
    if (/^[-+]status:/.test(line)) {
      inStatus = true;
      continue;
    }
    if (inStatus && /^[-+] /.test(line)) continue;
    inStatus = false;
    if (!IGNORED_LINE.test(line)) out.push(line);
  }
  return out;
}
