import { createCelCompiler } from './cel/index.js';
const c = createCelCompiler({ object: 'dyn' });
const run = (e: string, act: Record<string, unknown> = {}) => {
  const r = c.compile(e);
  if (!r.ok) { console.log(e, 'COMPILE', r.error); return; }
  const o = r.program.evaluate(act);
  process.stdout.write(e + ' => ' + String(o.ok ? o.value : o.error.message) + '\n');
};
run('"%s is %d years, %.2f %x %e".format(["bob", 42, 3.14159, 255, 1234.5])');
run('"%s".format([["a", 1]])');
run('quantity("2Ki").asInteger()'); run('quantity("1E").asInteger()'); run('quantity("1e3").asInteger()'); run('isQuantity("1ki")');
run('"hello"[0]');
run('object.kind == "Pod" ? object.spec : object.spec.template.spec', {object: {kind: 'Pod', spec: {a: 1n}}});
