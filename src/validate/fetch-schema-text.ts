// Reads a schema document from a file or an http(s) URL. HTTP responses can
// be cached on disk the way kubeconform's --cache does (one file per URL,
// named by the SHA-256 of the URL), so a kubeconform cache folder works here.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export type FetchLike = (url: string, init?: { signal?: AbortSignal }) => Promise<{ status: number; text(): Promise<string> }>;

export interface SchemaReadEnvironment {
  fetch?: FetchLike;
  /** kubeconform's --cache folder. */
  cacheDir?: string;
  /** Per request (ms). Default 30 s. */
  timeoutMs?: number;
}

export type SchemaText = { found: true; text: string } | { found: false; reason: string };

export class SchemaFetchError extends Error {
  override name = 'SchemaFetchError';
}

function errorCode(err: unknown): string | undefined {
  return err !== null && typeof err === 'object' && 'code' in err && typeof err.code === 'string' ? err.code : undefined;
}

function describe(err: unknown): string {
  if (err instanceof Error) return err.cause instanceof Error ? `${err.message}: ${err.cause.message}` : err.message;
  return String(err);
}

export function cacheFileName(url: string): string {
  return createHash('sha256').update(url).digest('hex');
}

export async function readSchemaFile(path: string): Promise<SchemaText> {
  try {
    return { found: true, text: await readFile(path, 'utf8') };
  } catch (err: unknown) {
    if (errorCode(err) === 'ENOENT' || errorCode(err) === 'ENOTDIR') return { found: false, reason: `could not open file ${path}` };
    throw new SchemaFetchError(`failed to open schema at ${path}: ${describe(err)}`);
  }
}

async function readCached(cacheDir: string | undefined, url: string): Promise<string | undefined> {
  if (!cacheDir) return undefined;
  try {
    return await readFile(join(cacheDir, cacheFileName(url)), 'utf8');
  } catch {
    return undefined;
  }
}

export async function fetchSchemaUrl(url: string, env: SchemaReadEnvironment): Promise<SchemaText> {
  const cached = await readCached(env.cacheDir, url);
  if (cached !== undefined) return { found: true, text: cached };
  const fetchFn: FetchLike = env.fetch ?? ((input, init) => fetch(input, init));
  let response: { status: number; text(): Promise<string> };
  try {
    response = await fetchFn(url, { signal: AbortSignal.timeout(env.timeoutMs ?? 30_000) });
  } catch (err: unknown) {
    throw new SchemaFetchError(`failed downloading schema at ${url}: ${describe(err)}`);
  }
  if (response.status === 404) return { found: false, reason: `could not find schema at ${url}` };
  if (response.status !== 200) {
    throw new SchemaFetchError(`error while downloading schema at ${url} - received HTTP status ${response.status}`);
  }
  const text = await response.text();
  if (env.cacheDir) {
    try {
      await writeFile(join(env.cacheDir, cacheFileName(url)), text);
    } catch (err: unknown) {
      throw new SchemaFetchError(`failed writing schema to cache: ${describe(err)}`);
    }
  }
  return { found: true, text };
}
