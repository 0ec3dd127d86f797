#!/usr/bin/env node
// Generates the JSON schemas of the built-in kinds from the /openapi/v3
// documents of a real kube-apiserver (rules: docs/control-plane.md):
//   src/schemas/kubernetes/<version>/_definitions.json + <kind><suffix>.json
//   src/schemas/kubernetes/<version>-strict/ (the same, strict)
// It starts its own control plane in <cluster dir>-schemas with every API
// group-version enabled (so the output does not depend on which control plane
// happens to run) and stops it again.
// usage: node scripts/generate-schemas.mjs [--check]
//   --check: write nothing; exit 1 when the committed files differ.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ClusterError, clusterPaths, down, up } from '../test/cluster/control-plane.mjs';
import { runMain } from '../test/cluster/errors.mjs';
import { generateSchemaFiles } from '../test/cluster/schemas/generate.mjs';
import { writeSchemas } from '../test/cluster/schemas/write-schemas.mjs';
import { KUBERNETES_VERSION } from '../test/cluster/versions.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outRoot = join(root, 'src', 'schemas', 'kubernetes');
export const SCHEMA_APISERVER_ARGS = ['--runtime-config=api/all=true', '--feature-gates=AllAlpha=true,AllBeta=true'];
const say = (line) => process.stderr.write(`kubegate schemas: ${line}\n`);

function schemaClusterEnv(env = process.env) {
  return { ...env, KUBEGATE_CLUSTER_DIR: `${clusterPaths(env).dir}-schemas` };
}

async function main(args) {
  const check = args.includes('--check');
  const unknown = args.filter((a) => a !== '--check');
  if (unknown.length > 0) {
    say(`unknown argument ${unknown[0]}; usage: node scripts/generate-schemas.mjs [--check]`);
    return 2;
  }
  const env = schemaClusterEnv();
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, async () => {
      await down({ env });
      process.exit(130);
    });
  }
  const state = await up({ env, log: say, apiserverExtraArgs: SCHEMA_APISERVER_ARGS });
  try {
    const generated = await generateSchemaFiles(state);
    if (generated.gitVersion !== KUBERNETES_VERSION) {
      throw new ClusterError(`the control plane reports ${generated.gitVersion}, expected ${KUBERNETES_VERSION} (test/cluster/versions.mjs)`);
    }
    let drift = 0;
    for (const { name, files } of generated.folders) {
      const r = writeSchemas(join(outRoot, name), files, { check });
      drift += r.written.length + r.removed.length;
      const verb = check ? 'differ' : 'written';
      say(`${name}: ${files.size} files, ${r.written.length} ${verb}, ${r.removed.length} ${check ? 'extra' : 'removed'}, ${r.unchanged.length} unchanged`);
      if (check) for (const f of [...r.written, ...r.removed]) say(`  ${name}/${f}`);
    }
    say(`read ${generated.documents} /openapi/v3 documents from kube-apiserver ${generated.gitVersion}`);
    if (check && drift > 0) {
      say('the committed schemas differ from what the generator produces; run npm run schemas:generate');
      return 1;
    }
    return 0;
  } finally {
    if (!state.alreadyRunning) await down({ env });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runMain(main, say);
