// One Ajv instance per validator: all errors (a pull request should list
// every problem at once), the data of each error (for kubeconform-style
// messages), the formats Kubernetes itself checks, Go-flavoured patterns and
// kubegate's Kubernetes keywords. Schemas are compiled lazily, and missing
// $refs (a sibling _definitions.json, an http reference) are loaded on demand.
import { Ajv, type AnySchemaObject, type Format } from 'ajv';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { goRegExp } from './go-regexp.js';
import { SCHEMA_KEYWORDS } from './schema-keywords.js';

/** Formats kubegate checks; any other format name is accepted unchecked. */
const CHECKED_FORMATS = ['date-time', 'date', 'time', 'byte', 'uuid', 'ipv4', 'ipv6', 'int32', 'int64', 'float', 'double', 'email', 'hostname', 'uri'] as const;
const UNCHECKED_FORMATS = ['int-or-string', 'password', 'binary'];

const GO_DURATION = /^[-+]?(?:(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:ns|us|µs|μs|ms|s|m|h|d|w))+$/;
const ISO_DURATION = /^P(?!$)(?:\d+(?:\.\d+)?Y)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?W)?(?:\d+(?:\.\d+)?D)?(?:T(?=\d)(?:\d+(?:\.\d+)?H)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?S)?)?$/;

/** Kubernetes durations are Go's ("1h30m"); ISO 8601 ("PT1H30M") is accepted too, as kubeconform does. */
function isDuration(value: string): boolean {
  return value === '0' || GO_DURATION.test(value) || ISO_DURATION.test(value);
}

export function createAjv(loadSchema: (uri: string) => Promise<AnySchemaObject>): Ajv {
  const ajv = new Ajv({
    strict: false,
    allErrors: true,
    verbose: true,
    logger: false,
    validateSchema: false,
    code: { regExp: goRegExp, optimize: false },
    loadSchema,
  });
  for (const name of CHECKED_FORMATS) {
    const format: Format | undefined = fullFormats[name];
    if (format !== undefined) ajv.addFormat(name, format);
  }
  for (const name of UNCHECKED_FORMATS) ajv.addFormat(name, true);
  ajv.addFormat('duration', isDuration);
  for (const keyword of SCHEMA_KEYWORDS) ajv.addKeyword(keyword);
  return ajv;
}
