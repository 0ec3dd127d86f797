// Validation results as findings (check "validate", level failure), one per
// problem, each on the line of the field it is about.
import type { Finding, LoadError, ObjectRef } from '../core/types.js';
import { dottedPath } from './field-path.js';
import type { ResourceResult } from './types.js';

export const VALIDATE_CHECK = 'validate';

function objectRef(result: ResourceResult): ObjectRef | undefined {
  const object = result.object;
  if (!object) return undefined;
  const ref: ObjectRef = { apiVersion: object.apiVersion, kind: object.kind, name: object.name };
  if (object.namespace !== undefined) ref.namespace = object.namespace;
  return ref;
}

function describeObject(ref: ObjectRef | undefined): string {
  return ref ? `${ref.kind} ${ref.name || '(unnamed)'}: ` : '';
}

export function resultToFindings(result: ResourceResult): Finding[] {
  if (result.status !== 'invalid' && result.status !== 'error') return [];
  const object = result.object;
  const ref = objectRef(result);
  const base = { check: VALIDATE_CHECK, level: 'failure' as const, file: result.file, ...(ref ? { object: ref } : {}) };
  if (result.validationErrors.length === 0) {
    return [{ ...base, line: object?.source.line ?? 1, rule: 'schema', message: `${describeObject(ref)}${result.msg ?? result.status}` }];
  }
  return result.validationErrors.map((error) => {
    const field = dottedPath(error.segments);
    return {
      ...base,
      line: error.line ?? object?.lineOf(error.segments) ?? 1,
      rule: error.rule ?? 'schema',
      message: `${describeObject(ref)}${field === '' ? '' : `${field}: `}${error.msg}${error.hint ? ` ${error.hint}` : ''}`,
      ...(field === '' ? {} : { field }),
    };
  });
}

/** A file or document that could not be read, as a finding. */
export function loadErrorToFinding(error: LoadError): Finding {
  return { check: VALIDATE_CHECK, level: 'failure', file: error.file, line: error.line, rule: 'yaml', message: error.message };
}
