// `kubegate validate`, step by step: pick the input (paths or stdin), open
// the report, gather CustomResourceDefinitions, create the validator, then
// validate file by file (documents in batches, so big streams stay small in
// memory) and print each result as it is known.
import { fstatSync } from 'node:fs';
import { loadDocuments } from '../../manifests/load-manifests.js';
import type { LoadedDocument } from '../../manifests/types.js';
import { SecretMasker } from '../../pipeline/mask-secrets.js';
import { createValidator, ValidatorConfigError } from '../../validate/create-validator.js';
import type { FetchLike } from '../../validate/fetch-schema-text.js';
import type { Validator } from '../../validate/types.js';
import type { CliIo } from '../io.js';
import { EMPTY_SIGNATURE, type CliResult } from './cli-result.js';
import { createOutput } from './create-output.js';
import { documentResults } from './document-results.js';
import { withKubeconformSchemaUrl } from './kubeconform-schema-url.js';
import type { ValidateArgs } from './parse-validate-args.js';
import { CLI_MAX_FILE_BYTES, fromList, gatherCrds, readInputs, type Gathered } from './read-inputs.js';
import type { ValidateOutput } from './validate-output.js';

/** The CLI's side effects, plus two that CliIo does not have yet (tests set them). */
export interface ValidateIo extends CliIo {
  /** Whether stdin is a terminal (nothing piped). Default: checked on file descriptor 0. */
  stdinIsTTY?: boolean;
  /** For http(s) schema locations. Default: global fetch. */
  fetch?: FetchLike;
}

const BATCH = 256;

function stdinIsTTY(io: ValidateIo): boolean {
  if (io.stdinIsTTY !== undefined) return io.stdinIsTTY;
  try {
    return fstatSync(0).isCharacterDevice();
  } catch {
    return false;
  }
}

/** A result with every Secret value its masker knows replaced (schema messages quote values). */
function masked(result: CliResult, masker: SecretMasker): CliResult {
  if (!masker.active) return result;
  return {
    ...result,
    ...(result.msg === undefined ? {} : { msg: masker.mask(result.msg) }),
    validationErrors: result.validationErrors.map((e) => ({ path: e.path, msg: masker.mask(e.msg) })),
  };
}

class Run {
  failed = false;
  stopped = false;
  /** Secrets are never printed: the values of every Secret read so far (this batch included) are masked. */
  private readonly secrets = new SecretMasker();

  constructor(
    private readonly args: ValidateArgs,
    private readonly validator: Validator,
    private readonly output: ValidateOutput,
  ) {}

  report(result: CliResult): void {
    const msg = result.msg === undefined ? undefined : withKubeconformSchemaUrl(result.msg, this.args.kubernetesVersion);
    this.output.write(masked(msg === undefined ? result : { ...result, msg }, this.secrets));
    if (result.status === 'invalid' || result.status === 'error') {
      this.failed = true;
      if (this.args.exitOnError) this.stopped = true;
    }
  }

  async validateFile(path: string, content: Buffer | string): Promise<void> {
    let batch: LoadedDocument[] = [];
    let documents = 0;
    for (const document of loadDocuments(path, content, { maxFileBytes: CLI_MAX_FILE_BYTES })) {
      documents++;
      batch.push(document);
      if (batch.length >= BATCH) {
        await this.validateBatch(path, batch);
        batch = [];
        if (this.stopped) return;
      }
    }
    await this.validateBatch(path, batch);
    // kubeconform reports a file without any resource as one empty result, so that it counts.
    if (documents === 0) this.report({ path, status: 'empty', signature: EMPTY_SIGNATURE, validationErrors: [] });
  }

  private async validateBatch(path: string, documents: LoadedDocument[]): Promise<void> {
    if (documents.length === 0) return;
    const objects = documents.flatMap((d) => (d.type === 'object' ? [d.object] : []));
    this.secrets.add(objects);
    const results = await this.validator.validate(objects);
    for (const result of documentResults(path, documents, results)) {
      if (this.stopped) return;
      this.report(result);
    }
  }
}

export async function runValidate(args: ValidateArgs, io: ValidateIo): Promise<number> {
  const useStdin = args.paths.length === 0 || (args.paths.length === 1 && args.paths[0] === '-');
  if (useStdin && stdinIsTTY(io)) {
    io.stderr('kubegate validate: no input: give files or folders to validate, or pipe manifests to stdin (see --help)\n');
    return 1;
  }
  // Said only where it matters (downloads), so that other runs print what kubeconform prints.
  if (args.insecureSkipTlsVerify && args.schemaLocations.some((location) => location.startsWith('http'))) {
    io.stderr('kubegate validate: -insecure-skip-tls-verify is ignored; TLS certificates are always verified\n');
  }
  if (args.debug) io.stderr(`kubegate validate: schema locations: ${(args.schemaLocations.length > 0 ? args.schemaLocations : ['default']).join(', ')}\n`);
  const output = createOutput(args.output, { summary: args.summary, verbose: args.verbose, stdin: useStdin, print: io.stdout });
  const stdin = useStdin ? await io.readStdin() : undefined;
  let validator: Validator;
  let gathered: Gathered;
  try {
    gathered = await gatherCrds(args, io, stdin);
    const crds = gathered.crds;
    validator = createValidator(
      {
        kubernetesVersion: args.kubernetesVersion,
        strict: args.strict,
        schemaLocations: args.schemaLocations,
        ignoreMissingSchemas: args.ignoreMissingSchemas,
        skipKinds: args.skip,
        rejectKinds: args.reject,
        crds,
      },
      { cwd: io.cwd, ...(io.fetch ? { fetch: io.fetch } : {}), ...(args.cache ? { cacheDir: args.cache } : {}) },
    );
  } catch (err: unknown) {
    if (!(err instanceof ValidatorConfigError)) throw err;
    io.stderr(`${err.message}\n`);
    return 1;
  }
  const run = new Run(args, validator, output);
  for await (const input of gathered.inputs ? fromList(gathered.inputs) : readInputs(args, io, stdin)) {
    if (input.type === 'error') run.report({ path: input.path, status: 'error', signature: EMPTY_SIGNATURE, msg: input.message, validationErrors: [] });
    else await run.validateFile(input.path, input.content);
    if (run.stopped) break;
  }
  output.flush();
  return run.failed ? 1 : 0;
}
