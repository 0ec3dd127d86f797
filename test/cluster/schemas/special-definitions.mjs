// Definitions replaced as kubeconform does: both accept a string or a number.
export const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
export const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';

export function specialDefinition(name, schema) {
  const description = typeof schema.description === 'string' ? { description: schema.description } : {};
  if (name === INT_OR_STRING) return { ...description, oneOf: [{ type: 'string' }, { type: 'integer' }] };
  if (name === QUANTITY) return { ...description, oneOf: [{ type: 'string' }, { type: 'number' }] };
  return null;
}
