import { readFileSync } from 'node:fs';
import { loadManifests } from '../../../src/manifests/load-manifests.js';
import { createValidator } from '../../../src/validate/create-validator.js';
test('speed', async () => {
  const text = readFileSync('.kubegate/scratch-validate/large.yaml', 'utf8').slice(0, 3_000_000);
  let t = performance.now();
  const r = loadManifests('x.yaml', text, { maxFileBytes: 1e9 });
  const load = performance.now() - t;
  const v = createValidator();
  t = performance.now();
  await v.validate(r.objects.slice(0, 1));
  const first = performance.now() - t;
  t = performance.now();
  await v.validate(r.objects);
  console.log(r.objects.length, 'load', load.toFixed(0), 'first', first.toFixed(0), 'validate', (performance.now() - t).toFixed(0));
}, 60000);
