// An Ajv instance: all errors (a pull request should list every problem at
// once), the formats Kubernetes itself checks, Go-flavoured patterns,
// kubegate's Kubernetes keywords and lazy references (schema-references.ts).
// With `source`, it also keeps each compiled function's code, written to be
// run by precompiled-schemas.ts (see UNIT_PARAMETERS there).
import { _, Ajv } from 'ajv';
import { goRegExp } from './go-regexp.js';
import { SCHEMA_FORMATS } from './schema-formats.js';
import { SCHEMA_KEYWORDS } from './schema-keywords.js';
import { lazyLinker, referenceKeyword, type ReferenceLinker } from './schema-references.js';

const NO_REFERENCES = lazyLinker((uri) => {
  throw new Error(`the schema reference ${uri} points to nothing`);
});

export interface CreateAjvOptions {
  /** Keep the code of compiled functions (for precompilation at build time). */
  source?: boolean;
}

export function createAjv(linker: ReferenceLinker = NO_REFERENCES, { source = false }: CreateAjvOptions = {}): Ajv {
  const ajv = new Ajv({
    strict: false,
    allErrors: true,
    logger: false,
    validateSchema: false,
    code: { regExp: goRegExp, optimize: false, ...(source ? { source: true, formats: _`formats` } : {}) },
  });
  for (const [name, format] of Object.entries(SCHEMA_FORMATS)) ajv.addFormat(name, format);
  for (const keyword of SCHEMA_KEYWORDS) {
    // Precompiled code finds the keyword's function by name.
    if (source) ajv.scope.value('keyword', { ref: keyword.validate, code: _`keywords[${keyword.keyword as string}]` });
    ajv.addKeyword(keyword);
  }
  ajv.addKeyword(referenceKeyword(linker));
  return ajv;
}
