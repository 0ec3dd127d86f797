// Turns the validator's per-object results into findings at source lines.
import type { FieldPath, Finding, ManifestObject, SourceLocation } from '../core/types.js';
import type { EnvironmentConfig } from '../config/types.js';
import type { LocateField } from '../render/types.js';
import { dottedPath } from '../validate/field-path.js';
import type { ResourceResult } from '../validate/types.js';

function objectLabel(o: ManifestObject): string {
  return `${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}`;
}

function locate(result: ResourceResult, locators: ReadonlyMap<ManifestObject, LocateField>, path: FieldPath): SourceLocation {
  const o = result.object;
  if (!o) return { file: result.file, line: 1 };
  const locator = locators.get(o);
  return locator ? locator(path) : { file: o.source.file, line: path.length > 0 ? o.lineOf(path) : o.source.line };
}

export function resultFindings(result: ResourceResult, env: EnvironmentConfig, locators: ReadonlyMap<ManifestObject, LocateField>): Finding[] {
  if (result.status !== 'invalid' && result.status !== 'error') return [];
  const o = result.object;
  const label = o ? `${objectLabel(o)}: ` : '';
  const where = env.render === 'kustomize' ? ` (as rendered for environment ${env.name})` : '';
  const base = (path: FieldPath, message: string, field?: string): Finding => ({
    check: 'validate',
    level: 'failure',
    ...locate(result, locators, path),
    rule: 'schema',
    message: `${label}${field ? `${field}: ` : ''}${message}${where}`,
    environment: env.name,
    ...(o ? { object: { apiVersion: o.apiVersion, kind: o.kind, name: o.name, ...(o.namespace ? { namespace: o.namespace } : {}) } } : {}),
    ...(field ? { field } : {}),
  });
  if (result.status === 'invalid' && result.validationErrors.length > 0) {
    return result.validationErrors.map((e) => base(e.segments, e.msg, dottedPath(e.segments) || undefined));
  }
  return [base([], result.msg ?? (result.status === 'invalid' ? 'is invalid' : 'could not be validated'))];
}
