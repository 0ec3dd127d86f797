// Findings -> check-run annotations: failures first, then warnings, then
// notices, so a cap drops the least important ones.
import type { Finding } from '../../core/types.js';
import type { CheckAnnotation } from '../github-port.js';
import { shortenText } from '../truncate-text.js';

/** How many annotations one check run gets at most (20 requests of 50). */
export const MAX_ANNOTATIONS = 1000;
/** GitHub takes at most 50 annotations per request. */
export const ANNOTATIONS_PER_REQUEST = 50;

const RANK = { failure: 0, warning: 1, notice: 2 } as const;
/** GitHub: message and raw_details up to 64 KB, title up to 255 characters. */
const MESSAGE_MAX_CHARS = 16_000;
const TITLE_MAX_CHARS = 255;

export interface Annotations {
  annotations: CheckAnnotation[];
  /** Findings left out because of the cap. */
  omitted: number;
}

export function toAnnotations(findings: readonly Finding[], max = MAX_ANNOTATIONS): Annotations {
  const ordered = [...findings].sort((a, b) => RANK[a.level] - RANK[b.level]);
  return {
    annotations: ordered.slice(0, max).map(toAnnotation),
    omitted: Math.max(0, ordered.length - max),
  };
}

function toAnnotation(finding: Finding): CheckAnnotation {
  const line = Number.isInteger(finding.line) && finding.line > 0 ? finding.line : 1;
  const object = finding.object ? `${finding.object.kind} ${finding.object.name}: ` : '';
  return {
    path: finding.file,
    start_line: line,
    end_line: line,
    annotation_level: finding.level,
    message: shortenText(finding.message, MESSAGE_MAX_CHARS),
    title: shortenText(`${object}${finding.check} (${finding.rule})`, TITLE_MAX_CHARS),
  };
}

export function inBatches<T>(items: readonly T[], size = ANNOTATIONS_PER_REQUEST): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}
