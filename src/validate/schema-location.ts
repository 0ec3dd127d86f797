// kubeconform's --schema-location: "default" (for kubegate, the schemas built
// into the package), a template ending in "json" (a file path, a file:// URL
// or an http(s) URL with {{ .ResourceKind }} and friends), or a plain
// folder/URL prefix,
// under which kubeconform's default layout applies:
//   <prefix>/{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json
import { fileURLToPath } from 'node:url';
import { renderGoTemplate, TemplateError, type SchemaPathFields } from './go-template.js';

export interface SchemaLocation {
  source: 'builtin' | 'file' | 'http';
  /** The location as the user wrote it. */
  given: string;
  template: string;
}

export interface SchemaQuery {
  kind: string;
  apiVersion: string;
  /** "master" or x.y.z (a leading "v" is accepted). */
  kubernetesVersion: string;
  strict: boolean;
}

export const KUBECONFORM_LAYOUT = '/{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json';

export class SchemaLocationError extends Error {
  override name = 'SchemaLocationError';
}

export function schemaPathFields(query: SchemaQuery): SchemaPathFields {
  const version = query.kubernetesVersion.replace(/^v/, '');
  const groupParts = query.apiVersion.split('/');
  const group = groupParts[0] ?? '';
  let kindSuffix = `-${(group.split('.')[0] ?? '').toLowerCase()}`;
  if (groupParts.length > 1) kindSuffix += `-${(groupParts[1] ?? '').toLowerCase()}`;
  return {
    NormalizedKubernetesVersion: version === 'master' ? 'master' : `v${version}`,
    StrictSuffix: query.strict ? '-strict' : '',
    ResourceKind: query.kind.toLowerCase(),
    ResourceAPIVersion: groupParts[groupParts.length - 1] ?? '',
    Group: group,
    KindSuffix: kindSuffix,
  };
}

/** A file:// URL as a path; anything else as it is. */
function fileUrlToPath(rendered: string): string {
  if (!/^file:\/\//i.test(rendered)) return rendered;
  try {
    return fileURLToPath(rendered);
  } catch {
    return rendered; // not a usable file URL (e.g. with a host): a path that does not exist, so "not found"
  }
}

/** The schema file or URL for one kind at one location (file:// URLs become paths). */
export function schemaPathFor(location: SchemaLocation, query: SchemaQuery): string {
  const rendered = renderGoTemplate(location.template, schemaPathFields(query));
  return location.source === 'file' ? fileUrlToPath(rendered) : rendered;
}

/**
 * Parses one --schema-location value. `builtinTemplate` is where "default"
 * points. Throws SchemaLocationError (kubeconform's wording) for a template
 * that cannot be rendered.
 */
export function parseSchemaLocation(given: string, builtinTemplate: string): SchemaLocation {
  let location: SchemaLocation;
  if (given === 'default') location = { source: 'builtin', given, template: builtinTemplate };
  else {
    const template = given.endsWith('json') ? given : given.replace(/\/+$/, '') + KUBECONFORM_LAYOUT;
    location = { source: /^https?:\/\//i.test(template) ? 'http' : 'file', given, template };
  }
  try {
    schemaPathFor(location, { kind: 'Deployment', apiVersion: 'v1', kubernetesVersion: 'master', strict: true });
  } catch (err: unknown) {
    if (err instanceof TemplateError) throw new SchemaLocationError(`failed initialising schema location registry: ${err.message}`);
    throw err;
  }
  return location;
}
