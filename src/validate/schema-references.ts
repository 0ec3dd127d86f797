// Lazy references (x-kubegate-ref, written by normalize-schema.ts in place of
// $ref): the referenced schema is compiled, or its precompiled code loaded,
// the first time an object reaches it, so a Deployment's schema does not
// compile the thirty volume types its objects never use.
//
// A reference calls `<link>.validate(...)` (a "wrapper", as Ajv calls its
// own links to schemas being compiled); the link starts as a stub that
// compiles (or loads) the target and puts it in its place, so later calls go
// straight to the target. Errors are passed on as Ajv passes on those of a
// $ref: unchanged, their schemaPath relative to the schema they come from.
import { _, Name, nil, type CodeKeywordDefinition, type KeywordCxt, type ValidateFunction } from 'ajv';
import { callValidateCode } from 'ajv/dist/vocabularies/code.js';
import { LAZY_REF } from './normalize-schema.js';

/** What a reference calls: its target, once reached. */
export interface ReferenceLink {
  validate: ValidateFunction;
}

export interface ReferenceLinker {
  /** The link of a reference target ("<document URI>#<JSON pointer>"), one per target. */
  link(uri: string): ReferenceLink;
  /** How precompiled code names the target (its link is then `link(<id>)`). Default: the URI. */
  id?(uri: string): string;
}

/** The names Ajv's generated code keeps its errors in. */
const V_ERRORS = new Name('vErrors');
const ERRORS = new Name('errors');

/** Links whose targets `load` makes on first use (and makes again after a failure, which is then thrown). */
export function lazyLinker(load: (uri: string) => ValidateFunction, id?: (uri: string) => string): ReferenceLinker {
  const links = new Map<string, ReferenceLink>();
  return {
    link(uri: string): ReferenceLink {
      let found = links.get(uri);
      if (!found) {
        const link: ReferenceLink = {
          validate: ((data: unknown, dataCxt?: unknown) => {
            const target = load(uri);
            link.validate = target;
            return target(data, dataCxt as Parameters<ValidateFunction>[1]);
          }) as ValidateFunction,
        };
        links.set(uri, link);
        found = link;
      }
      return found;
    },
    ...(id ? { id } : {}),
  };
}

/** The x-kubegate-ref keyword: calls the target as Ajv calls a $ref's. */
export function referenceKeyword(linker: ReferenceLinker): CodeKeywordDefinition {
  return {
    keyword: LAZY_REF,
    schemaType: 'string',
    code(cxt: KeywordCxt): void {
      const uri = cxt.schema as string;
      const link = cxt.gen.scopeValue('wrapper', { key: uri, ref: linker.link(uri), code: _`link(${linker.id?.(uri) ?? uri})` });
      const target = _`${link}.validate`;
      cxt.result(callValidateCode(cxt, target, nil), undefined, () => {
        cxt.gen.assign(V_ERRORS, _`${V_ERRORS} === null ? ${target}.errors : ${V_ERRORS}.concat(${target}.errors)`);
        cxt.gen.assign(ERRORS, _`${V_ERRORS}.length`);
      });
    },
  };
}
