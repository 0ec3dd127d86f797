// kubegate.dev/field-path: a policy saying which field a failed validation is
// about, so that its finding lands on that field's line.
import { evaluatePolicies, type PolicySet } from '../../../src/policy/index.js';
import { parseFieldPath } from '../../../src/policy/evaluate/parse-field-path.js';
import { manifests } from './helpers/manifests.js';
import { DEPLOYMENT_RULES, deployment, load } from './helpers/policies.js';

// Lines of deployment('web', ENV): 8 replicas, 13 containers, 14 "- name: app", 15 image, 16 env, 17 "- name: A", 19 "- name: B".
const ENV = '          env:\n            - name: A\n              value: "1"\n            - name: B\n              value: "2"\n';
const TWO_VALIDATIONS = `${DEPLOYMENT_RULES}
  validations:
    - expression: "object.spec.template.spec.containers.all(c, c.image.contains(':2'))"
    - expression: "object.spec.replicas > 1"`;

function findingsOf(set: PolicySet): Array<{ line: number; field?: string }> {
  return evaluatePolicies({ policies: set, head: manifests(deployment('web', ENV)), base: [] }).map((f) => ({ line: f.line, ...(f.field ? { field: f.field } : {}) }));
}

function withPath(fieldPath: string, spec = TWO_VALIDATIONS): PolicySet {
  return load([{ spec, annotations: { 'kubegate.dev/field-path': fieldPath } }]).set;
}

describe('kubegate.dev/field-path', () => {
  it('puts each failed validation on the line of the field its expression returns', () => {
    const set = withPath("'spec.template.spec.containers[' + string(object.spec.template.spec.containers.size() - 1) + '].env[1].name'");
    expect(findingsOf(set)).toEqual([
      { line: 19, field: 'spec.template.spec.containers[0].env[1].name' },
      { line: 19, field: 'spec.template.spec.containers[0].env[1].name' },
    ]);
  });

  it('lets kubegate.dev/field-path.<n> serve validation n, the shared one the others', () => {
    const annotations = { 'kubegate.dev/field-path': "'.spec.template.spec.containers[0].image'", 'kubegate.dev/field-path.1': "'.spec.replicas'" };
    expect(findingsOf(load([{ spec: TWO_VALIDATIONS, annotations }]).set)).toEqual([
      { line: 15, field: 'spec.template.spec.containers[0].image' },
      { line: 8, field: 'spec.replicas' },
    ]);
  });

  it('points at the deepest existing ancestor of a field that is missing, naming the field', () => {
    expect(findingsOf(withPath("'spec.template.spec.containers[0].resources.limits.memory'"))[0]).toEqual({
      line: 14,
      field: 'spec.template.spec.containers[0].resources.limits.memory',
    });
  });

  it('falls back to the guess from the expression when the path expression fails or returns no path', () => {
    const guessed = findingsOf(load([{ spec: TWO_VALIDATIONS }]).set);
    expect(guessed[0]).toEqual({ line: 13, field: 'spec.template.spec.containers' });
    for (const broken of ['object.spec.nope.nope', '42', "''", "'spec..replicas'"]) {
      expect({ broken, findings: findingsOf(withPath(broken)) }).toEqual({ broken, findings: guessed });
    }
  });

  it('reports an annotation that does not compile or names no validation, at its line', () => {
    const annotations = { 'kubegate.dev/field-path': "'spec' +", 'kubegate.dev/field-path.2': "'spec'", 'kubegate.dev/field-path.x': "'spec'" };
    const { problems } = load([{ spec: TWO_VALIDATIONS, annotations }], { allowProblems: true });
    expect(problems.map((p) => [p.line, p.message.replace(/\n[\s\S]*/, '')])).toEqual([
      [6, expect.stringMatching(/^ValidatingAdmissionPolicy "test-policy": metadata\.annotations\["kubegate\.dev\/field-path"\]: syntax error at line 1, column \d+ of the expression/)],
      [7, 'ValidatingAdmissionPolicy "test-policy": metadata.annotations["kubegate.dev/field-path.2"]: "2" is not the index of one of the policy\'s 2 validation(s); use kubegate.dev/field-path.0 for spec.validations[0]'],
      [8, 'ValidatingAdmissionPolicy "test-policy": metadata.annotations["kubegate.dev/field-path.x"]: "x" is not the index of one of the policy\'s 2 validation(s); use kubegate.dev/field-path.0 for spec.validations[0]'],
    ]);
  });
});

describe('parseFieldPath', () => {
  it.each([
    ['spec.replicas', ['spec', 'replicas']],
    ['.spec.containers[2].image', ['spec', 'containers', 2, 'image']],
    ["metadata.labels['app.kubernetes.io/name']", ['metadata', 'labels', 'app.kubernetes.io/name']],
    ["metadata.annotations['it\\'s']", ['metadata', 'annotations', "it's"]],
    ['metadata.labels["app.kubernetes.io/name"]', ['metadata', 'labels', 'app.kubernetes.io/name']],
    ['[0].name', [0, 'name']],
  ])('%s', (text, segments) => {
    expect(parseFieldPath(text)).toEqual(segments);
  });

  it.each(['', '.', 'spec..replicas', 'spec[x]', "spec['open", 'spec.containers[0]image'])('rejects %j', (text) => {
    expect(parseFieldPath(text)).toBeUndefined();
  });
});
