// Types for build-schemas.mjs.
export declare const DRAFT_07: string;
export declare function header(gitVersion: string): string;
/** Returns file name -> file text of one flavour. */
export declare function buildSchemas(
  definitions: Map<string, Record<string, unknown>>,
  options: { strict: boolean; gitVersion: string },
): Map<string, string>;
