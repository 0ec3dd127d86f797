// kubeconform's messages name the schema they used by its URL in its default
// location (yannh/kubernetes-json-schema). kubegate's "default" location is
// the schemas built into the package, laid out and named the same way
// (<kind><kind suffix>.json), so the CLI names a built-in schema by the URL
// kubeconform's default location has for it: scripts that match or parse
// kubeconform's lines keep working, and the URL is that of the equivalent
// schema. (The app's check runs keep naming the built-in file.)

const DEFAULT_LOCATION = 'https://raw.githubusercontent.com/yannh/kubernetes-json-schema/master';

/** "kubegate:src/schemas/kubernetes/v1.33.13[-strict]/<file>.json", as the schema resolver names built-in schemas. */
const BUILTIN_SCHEMA = /'kubegate:src\/schemas\/kubernetes\/v\d+\.\d+\.\d+(-strict)?\/([a-z0-9.-]+\.json)#'/;

/** The message with a built-in schema's name replaced by kubeconform's default URL for `kubernetesVersion` (as given: "master" or x.y.z). */
export function withKubeconformSchemaUrl(msg: string, kubernetesVersion: string): string {
  const normalized = kubernetesVersion === 'master' ? 'master' : `v${kubernetesVersion}`;
  return msg.replace(BUILTIN_SCHEMA, (_match, strict: string | undefined, file: string) => `'${DEFAULT_LOCATION}/${normalized}-standalone${strict ?? ''}/${file}#'`);
}
