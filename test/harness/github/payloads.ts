// Webhook payloads for tests: the recorded examples of @octokit/webhooks-examples,
// and fixtures/github/*.json derived from them (their "_derived_from" note is
// dropped before delivery).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { isObject, type JsonObject } from './openapi-description.js';

const FIXTURES = join(process.cwd(), 'fixtures', 'github');

/** fixtures/github/<name>.json without its "_derived_from" note. */
export function loadPayload(name: string): JsonObject {
  const parsed: unknown = JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8'));
  if (!isObject(parsed)) throw new Error(`fixtures/github/${name}.json is not a JSON object`);
  const { _derived_from: _note, ...payload } = parsed;
  return payload;
}

/** The recorded examples of one event from @octokit/webhooks-examples (api.github.com). */
export function webhookExamples(event: string, action?: string): JsonObject[] {
  const require = createRequire(import.meta.url);
  const index: unknown = JSON.parse(readFileSync(require.resolve('@octokit/webhooks-examples/api.github.com/index.json'), 'utf8'));
  const entry = Array.isArray(index) ? index.find((e: unknown) => isObject(e) && e['name'] === event) : undefined;
  const examples: unknown[] = isObject(entry) && Array.isArray(entry['examples']) ? entry['examples'] : [];
  return examples.filter(isObject).filter((e) => action === undefined || e['action'] === action);
}
