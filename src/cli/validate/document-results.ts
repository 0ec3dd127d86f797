// Turns loaded documents and their validation results into report lines,
// with kubeconform's messages for documents that are not objects.
import type { LoadedDocument } from '../../manifests/types.js';
import type { ResourceResult } from '../../validate/types.js';
import { EMPTY_SIGNATURE, signatureOf, type CliResult } from './cli-result.js';

function fromDocument(path: string, document: Exclude<LoadedDocument, { type: 'object' }>): CliResult {
  const base = { path, validationErrors: [] };
  switch (document.type) {
    case 'empty':
      return { ...base, status: 'empty', signature: EMPTY_SIGNATURE };
    case 'not-kubernetes':
      if (document.reason === 'not-a-mapping') {
        const what = Array.isArray(document.value) ? 'a list' : `a ${typeof document.value}`;
        return { ...base, status: 'error', signature: EMPTY_SIGNATURE, msg: `error unmarshalling resource: the document is ${what}, not a Kubernetes object` };
      }
      return { ...base, status: 'error', signature: signatureOf(document.value), msg: "error while parsing: missing 'kind' key" };
    case 'incomplete':
      return { ...base, status: 'error', signature: signatureOf(document.body), msg: `error while parsing: missing '${document.missing}' key` };
    case 'error': {
      const yaml = document.message.replace(/^YAML syntax error: /, '');
      const msg = yaml === document.message ? document.message : `error unmarshalling resource: yaml: line ${document.line}: ${yaml}`;
      return { ...base, status: 'error', signature: EMPTY_SIGNATURE, msg };
    }
  }
}

function fromResult(path: string, result: ResourceResult): CliResult {
  return {
    path,
    status: result.status,
    signature: signatureOf(result.object?.body),
    ...(result.msg === undefined ? {} : { msg: result.msg }),
    validationErrors: result.validationErrors.map(({ path: at, msg }) => ({ path: at, msg })),
  };
}

/** Report lines for `documents` in order; `results` are the validator's results for their objects, in order. */
export function documentResults(path: string, documents: readonly LoadedDocument[], results: readonly ResourceResult[]): CliResult[] {
  let next = 0;
  return documents.map((document) => {
    if (document.type !== 'object') return fromDocument(path, document);
    const result = results[next++];
    if (!result) throw new Error(`internal error: no validation result for document ${document.object.documentIndex} of ${path}`);
    return fromResult(path, result);
  });
}
