// One map of OpenAPI component schemas from all group-version documents. The
// same name must mean the same schema everywhere; anything else is a fault.
import { canonicalJson } from './canonical-json.mjs';

export function mergeDefinitions(documents) {
  const merged = new Map();
  const origin = new Map();
  for (const { path, doc } of documents) {
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      const seen = merged.get(name);
      if (seen !== undefined && canonicalJson(seen) !== canonicalJson(schema)) {
        throw new Error(`schema ${name} differs between /openapi/v3/${origin.get(name)} and /openapi/v3/${path}; refusing to guess`);
      }
      merged.set(name, schema);
      origin.set(name, origin.get(name) ?? path);
    }
  }
  return new Map([...merged.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
