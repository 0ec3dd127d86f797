// The small part of Go's text/template that kubeconform's --schema-location
// templates use: `{{ .Field }}` substitutions. Errors read like Go's, since
// scripts written for kubeconform may match on them.

export interface SchemaPathFields {
  NormalizedKubernetesVersion: string;
  StrictSuffix: string;
  ResourceKind: string;
  ResourceAPIVersion: string;
  Group: string;
  KindSuffix: string;
}

const FIELD_NAMES: ReadonlyArray<keyof SchemaPathFields> = [
  'NormalizedKubernetesVersion',
  'StrictSuffix',
  'ResourceKind',
  'ResourceAPIVersion',
  'Group',
  'KindSuffix',
];

const STRUCT_TYPE = `struct { ${FIELD_NAMES.map((name) => `${name} string`).join('; ')} }`;

export class TemplateError extends Error {
  override name = 'TemplateError';
}

function isField(name: string): name is keyof SchemaPathFields {
  return (FIELD_NAMES as readonly string[]).includes(name);
}

/** Renders `template`; throws TemplateError for syntax kubegate does not support or unknown fields. */
export function renderGoTemplate(template: string, fields: SchemaPathFields): string {
  let out = '';
  let position = 0;
  for (;;) {
    const open = template.indexOf('{{', position);
    if (open === -1) return out + template.slice(position);
    const close = template.indexOf('}}', open + 2);
    if (close === -1) throw new TemplateError('template: tpl:1: unclosed action');
    out += template.slice(position, open);
    const action = template.slice(open + 2, close).replace(/^-?\s*/, '').replace(/\s*-?$/, '');
    const match = /^\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(action);
    if (!match?.[1]) {
      throw new TemplateError(`template: tpl:1: unsupported action "{{${template.slice(open + 2, close)}}}": only {{ .Field }} is supported`);
    }
    if (!isField(match[1])) {
      throw new TemplateError(`template: tpl:1:${open + 3}: executing "tpl" at <.${match[1]}>: can't evaluate field ${match[1]} in type ${STRUCT_TYPE}`);
    }
    out += fields[match[1]];
    position = close + 2;
  }
}
