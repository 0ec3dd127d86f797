import type { Conclusion, FindingLevel } from '../core/types.js';

export function conclusionLabel(conclusion: Conclusion): string {
  return { success: '✅ success', failure: '❌ failure', neutral: '⚪ neutral' }[conclusion];
}

export function levelLabel(level: FindingLevel): string {
  return { failure: '❌', warning: '⚠️', notice: 'ℹ️' }[level];
}
