// GitHub's official OpenAPI description (@octokit/openapi), loaded once per
// test file and per variant: "api.github.com", "ghec", "ghes-3.19", ...
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export type DescriptionName = 'api.github.com' | 'ghec' | 'ghes-3.17' | 'ghes-3.18' | 'ghes-3.19';

export type JsonObject = { [key: string]: unknown };

export interface OpenApiOperation extends JsonObject {
  operationId: string;
  parameters?: unknown[];
  requestBody?: unknown;
  responses?: Record<string, unknown>;
}

export interface OpenApiDocument {
  openapi: string;
  info: { version: string };
  paths: Record<string, Record<string, unknown>>;
  components: Record<string, Record<string, unknown>>;
}

const documents = new Map<DescriptionName, OpenApiDocument>();

export function loadDescription(name: DescriptionName = 'api.github.com'): OpenApiDocument {
  let document = documents.get(name);
  if (!document) {
    const require = createRequire(import.meta.url);
    const file = require.resolve(`@octokit/openapi/generated/${name}.json`);
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (!isDocument(parsed)) throw new Error(`${file} is not an OpenAPI 3 description`);
    document = parsed;
    documents.set(name, document);
  }
  return document;
}

/** Follows a local "#/components/..." reference; other values are returned as they are. */
export function resolveRef(document: OpenApiDocument, value: unknown): unknown {
  let current = value;
  for (let depth = 0; isObject(current) && typeof current['$ref'] === 'string' && depth < 10; depth++) {
    const [, section, name] = /^#\/components\/([^/]+)\/(.+)$/.exec(current['$ref']) ?? [];
    current = section && name ? document.components[section]?.[name] : undefined;
  }
  return current;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isDocument(value: unknown): value is OpenApiDocument {
  return (
    isObject(value) &&
    typeof value['openapi'] === 'string' &&
    value['openapi'].startsWith('3.') &&
    isObject(value['paths']) &&
    isObject(value['components'])
  );
}
