// The inputs of `kubegate validate`: stdin, or the files found under the
// given paths, read once; and the CustomResourceDefinitions among them and
// under --crds (kubeconform ignores those; kubegate validates custom
// resources with them).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ManifestObject } from '../../core/types.js';
import { loadManifests } from '../../manifests/load-manifests.js';
import { ValidatorConfigError } from '../../validate/create-validator.js';
import { isCrd } from '../../validate/crd-registry.js';
import type { CliIo } from '../io.js';
import { findManifestFiles, goPathError } from './find-manifest-files.js';
import type { ValidateArgs } from './parse-validate-args.js';

/** The CLI reads big rendered streams too; the app's 1 MiB limit is for repository files. */
export const CLI_MAX_FILE_BYTES = 256 * 1024 * 1024;

export type Input = { type: 'file'; path: string; content: Buffer | string } | { type: 'error'; path: string; message: string };

export async function* readInputs(args: ValidateArgs, io: CliIo, stdin: string | undefined): AsyncGenerator<Input> {
  if (stdin !== undefined) {
    yield { type: 'file', path: 'stdin', content: stdin };
    return;
  }
  for (const path of args.paths) {
    for await (const found of findManifestFiles(path, io.cwd, args.ignoreFilenamePatterns)) {
      if (found.type === 'error') {
        yield found;
        continue;
      }
      try {
        yield { type: 'file', path: found.path, content: await readFile(resolve(io.cwd, found.path)) };
      } catch (err: unknown) {
        yield { type: 'error', path: found.path, message: goPathError('open', found.path, err) };
      }
    }
  }
}

function crdsIn(path: string, content: Buffer | string): ManifestObject[] {
  if (!content.includes('CustomResourceDefinition')) return [];
  return loadManifests(path, content, { maxFileBytes: CLI_MAX_FILE_BYTES }).objects.filter(isCrd);
}

/** Inputs read while looking for CRDs are kept for validation, up to this many bytes in all. */
const KEEP_INPUT_BYTES = 64 * 1024 * 1024;

export interface Gathered {
  crds: ManifestObject[];
  /** The inputs, when they were small enough to keep (else they are read again). */
  inputs: Input[] | undefined;
}

/** CRDs from --crds, and from the inputs themselves (kubeconform ignores those; kubegate uses them). */
export async function gatherCrds(args: ValidateArgs, io: CliIo, stdin: string | undefined): Promise<Gathered> {
  const crds: ManifestObject[] = [];
  for (const path of args.crds) {
    for await (const found of findManifestFiles(path, io.cwd, [])) {
      if (found.type === 'error') throw new ValidatorConfigError(`--crds ${path}: ${found.message}`);
      crds.push(...crdsIn(found.path, await readFile(resolve(io.cwd, found.path))));
    }
  }
  let inputs: Input[] | undefined = [];
  let bytes = 0;
  for await (const input of readInputs(args, io, stdin)) {
    if (input.type === 'file') {
      crds.push(...crdsIn(input.path, input.content));
      bytes += input.content.length;
    }
    if (inputs && bytes <= KEEP_INPUT_BYTES) inputs.push(input);
    else inputs = undefined;
  }
  return { crds, inputs };
}

export async function* fromList(inputs: readonly Input[]): AsyncGenerator<Input> {
  yield* inputs;
}
