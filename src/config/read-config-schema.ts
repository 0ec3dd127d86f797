// The published JSON Schema (schema/kubegate-config.schema.json) is the one
// source of truth for the config's shape: runtime validation reads that file.
import { readFileSync } from 'node:fs';

/** The schema's location, the same from src/config (tests) and dist/config (built). */
export const CONFIG_SCHEMA_URL = new URL('../../schema/kubegate-config.schema.json', import.meta.url);

export class ConfigSchemaError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ConfigSchemaError';
  }
}

export function readConfigSchema(readFile: (url: URL) => string = (url) => readFileSync(url, 'utf8')): Record<string, unknown> {
  try {
    return JSON.parse(readFile(CONFIG_SCHEMA_URL)) as Record<string, unknown>;
  } catch (err: unknown) {
    throw new ConfigSchemaError(`cannot read kubegate's config schema at ${CONFIG_SCHEMA_URL.pathname}: the installation is incomplete`, {
      cause: err,
    });
  }
}
