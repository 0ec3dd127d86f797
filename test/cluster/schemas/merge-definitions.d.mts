// Types for merge-definitions.mjs.
export interface OpenApiDocumentEntry {
  /** Index key, e.g. "apis/apps/v1". */
  path: string;
  doc: { components: { schemas: Record<string, Record<string, unknown>> } };
}
export declare function mergeDefinitions(documents: OpenApiDocumentEntry[]): Map<string, Record<string, unknown>>;
