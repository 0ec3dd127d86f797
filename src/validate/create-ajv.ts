// An Ajv instance: all errors (a pull request should list every problem at
// once), the formats Kubernetes itself checks, Go-flavoured patterns and
// kubegate's Kubernetes keywords. References are lazy (x-kubegate-ref, written
// by normalize-schema.ts in place of $ref): a referenced definition is
// compiled the first time an object reaches it, so a Deployment's schema does
// not compile the thirty volume types its objects never use.
import { Ajv, type AnySchemaObject, type ErrorObject, type Format, type KeywordDefinition, type ValidateFunction } from 'ajv';
import type { DataValidateFunction, DataValidationCxt } from 'ajv/dist/types/index.js';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { goRegExp } from './go-regexp.js';
import { LAZY_REF } from './normalize-schema.js';
import { SCHEMA_KEYWORDS } from './schema-keywords.js';

/** Where an error came from inside a lazily referenced schema (Ajv rewrites schemaPath at each reference). */
export const ORIGINAL_SCHEMA_PATH = 'kubegateSchemaPath';

/** Formats kubegate checks; any other format name is accepted unchecked. */
const CHECKED_FORMATS = ['date-time', 'date', 'time', 'byte', 'uuid', 'ipv4', 'ipv6', 'int32', 'int64', 'float', 'double', 'email', 'hostname', 'uri'] as const;
const UNCHECKED_FORMATS = ['int-or-string', 'password', 'binary'];

const GO_DURATION = /^[-+]?(?:(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:ns|us|µs|μs|ms|s|m|h|d|w))+$/;
const ISO_DURATION = /^P(?!$)(?:\d+(?:\.\d+)?Y)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?W)?(?:\d+(?:\.\d+)?D)?(?:T(?=\d)(?:\d+(?:\.\d+)?H)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?S)?)?$/;

/** Kubernetes durations are Go's ("1h30m"); ISO 8601 ("PT1H30M") is accepted too, as kubeconform does. */
function isDuration(value: string): boolean {
  return value === '0' || GO_DURATION.test(value) || ISO_DURATION.test(value);
}

function keepSchemaPath(error: ErrorObject): ErrorObject {
  const params = error.params as Record<string, unknown>;
  if (params[ORIGINAL_SCHEMA_PATH] !== undefined) return error;
  return { ...error, params: { ...params, [ORIGINAL_SCHEMA_PATH]: error.schemaPath } };
}

/** Finds the schema a lazy reference points to ("<document URI>#<JSON pointer>"). */
export type ResolveReference = (uri: string) => AnySchemaObject | boolean | undefined;

function lazyReference(ajv: Ajv, resolveReference: ResolveReference): KeywordDefinition {
  return {
    keyword: LAZY_REF,
    schemaType: 'string',
    errors: true,
    compile(uri: string): DataValidateFunction {
      let target: ValidateFunction | undefined;
      // The caller's data context goes through, so that errors carry their full instancePath.
      const validate: DataValidateFunction = (data: unknown, dataCxt?: DataValidationCxt) => {
        if (!target) {
          const schema = resolveReference(uri);
          if (schema === undefined) throw new Error(`the schema reference ${uri} points to nothing`);
          target = ajv.compile(schema);
        }
        if (target(data, dataCxt)) return true;
        validate.errors = (target.errors ?? []).map(keepSchemaPath);
        return false;
      };
      return validate;
    },
  };
}

export function createAjv(resolveReference: ResolveReference = () => undefined): Ajv {
  const ajv = new Ajv({
    strict: false,
    allErrors: true,
    logger: false,
    validateSchema: false,
    code: { regExp: goRegExp, optimize: false },
  });
  for (const name of CHECKED_FORMATS) {
    const format: Format | undefined = fullFormats[name];
    if (format !== undefined) ajv.addFormat(name, format);
  }
  for (const name of UNCHECKED_FORMATS) ajv.addFormat(name, true);
  ajv.addFormat('duration', isDuration);
  for (const keyword of SCHEMA_KEYWORDS) ajv.addKeyword(keyword);
  ajv.addKeyword(lazyReference(ajv, resolveReference));
  return ajv;
}
