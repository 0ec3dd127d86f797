// Resolvers of built-in schemas, shared by the validators of a process:
// compiling a kind's schema costs tens of milliseconds, and the app creates a
// validator per pull request. Resolvers with files or URLs are not shared
// (those can change between runs).
import { SchemaResolver, type SchemaResolverOptions } from './schema-resolver.js';

const shared = new Map<string, SchemaResolver>();

export function resolverFor(options: SchemaResolverOptions): SchemaResolver {
  if (!options.locations.every((location) => location.source === 'builtin')) return new SchemaResolver(options);
  const key = JSON.stringify([options.locations.map((l) => l.template), options.kubernetesVersion, options.strict, options.packageRoot]);
  let resolver = shared.get(key);
  if (!resolver) {
    resolver = new SchemaResolver(options);
    shared.set(key, resolver);
  }
  return resolver;
}
