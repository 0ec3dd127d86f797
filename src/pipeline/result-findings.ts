// The validator's findings for one result (validate/result-to-findings), placed
// for this pipeline: rendered objects point at their source manifest or patch,
// and every finding names its environment.
import type { Finding, ManifestObject } from '../core/types.js';
import type { EnvironmentConfig } from '../config/types.js';
import type { LocateField } from '../render/types.js';
import { resultToFindings } from '../validate/result-to-findings.js';
import type { ResourceResult } from '../validate/types.js';
import { renderedNote } from './rendered-note.js';

export function resultFindings(result: ResourceResult, env: EnvironmentConfig, locators: ReadonlyMap<ManifestObject, LocateField>): Finding[] {
  const locate = result.object ? locators.get(result.object) : undefined;
  const rendered = renderedNote(env);
  return resultToFindings(result).map((f, i) => ({
    ...f,
    ...(locate ? locate(result.validationErrors[i]?.segments ?? []) : {}),
    message: `${f.message}${rendered}`,
    environment: env.name,
  }));
}
