// From a running control plane's state to the generated files of both
// flavours: { gitVersion, folders: [{ name, files }] }.
import { buildSchemas } from './build-schemas.mjs';
import { fetchOpenApi } from './fetch-openapi.mjs';
import { mergeDefinitions } from './merge-definitions.mjs';

export async function generateSchemaFiles(state) {
  const { gitVersion, documents } = await fetchOpenApi(state);
  const definitions = mergeDefinitions(documents);
  return {
    gitVersion,
    documents: documents.length,
    folders: [
      { name: gitVersion, files: buildSchemas(definitions, { strict: false, gitVersion }) },
      { name: `${gitVersion}-strict`, files: buildSchemas(definitions, { strict: true, gitVersion }) },
    ],
  };
}
