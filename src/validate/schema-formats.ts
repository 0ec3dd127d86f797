// The formats kubegate checks, by name: those Kubernetes itself checks, and
// Go/ISO durations. Any other format name is accepted unchecked. Shared by
// schemas compiled at run time and those precompiled at build time (whose
// code looks formats up here by name).
import type { Format } from 'ajv';
import { fullFormats } from 'ajv-formats/dist/formats.js';

const CHECKED_FORMATS = ['date-time', 'date', 'time', 'byte', 'uuid', 'ipv4', 'ipv6', 'int32', 'int64', 'float', 'double', 'email', 'hostname', 'uri'] as const;
const UNCHECKED_FORMATS = ['int-or-string', 'password', 'binary'];

const GO_DURATION = /^[-+]?(?:(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:ns|us|µs|μs|ms|s|m|h|d|w))+$/;
const ISO_DURATION = /^P(?!$)(?:\d+(?:\.\d+)?Y)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?W)?(?:\d+(?:\.\d+)?D)?(?:T(?=\d)(?:\d+(?:\.\d+)?H)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?S)?)?$/;

/** Kubernetes durations are Go's ("1h30m"); ISO 8601 ("PT1H30M") is accepted too, as kubeconform does. */
function isDuration(value: string): boolean {
  return value === '0' || GO_DURATION.test(value) || ISO_DURATION.test(value);
}

function schemaFormats(): Record<string, Format> {
  const formats: Record<string, Format> = {};
  for (const name of CHECKED_FORMATS) {
    const format: Format | undefined = fullFormats[name];
    if (format !== undefined) formats[name] = format;
  }
  for (const name of UNCHECKED_FORMATS) formats[name] = true;
  formats['duration'] = isDuration;
  return formats;
}

export const SCHEMA_FORMATS: Readonly<Record<string, Format>> = schemaFormats();
