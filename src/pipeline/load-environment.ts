// Turns one environment's targets into Kubernetes objects: plain files are
// read and parsed; affected overlays are rendered with Kustomize. Anything
// unreadable becomes a finding.
import type { Finding, FindingLevel, ManifestObject, Snapshot } from '../core/types.js';
import { loadErrorToFinding } from '../validate/result-to-findings.js';
import { renderOverlay } from '../render/kustomize/render-overlay.js';
import type { LocateField } from '../render/types.js';
import type { PipelineDeps } from './pipeline-deps.js';
import { readFileText } from './read-file-text.js';
import type { EnvironmentTarget } from './select-targets.js';

export interface LoadedEnvironment {
  target: EnvironmentTarget;
  objects: ManifestObject[];
  /** Where each object's fields are in the repository (rendered objects point at their sources). */
  locators: Map<ManifestObject, LocateField>;
  findings: Finding[];
  /** Files or overlays that could not be read or rendered (counted as "error"). */
  errors: number;
}

export interface LoadContext {
  head: Snapshot;
  deps: Pick<PipelineDeps, 'parseManifests' | 'runKustomize'>;
  /** The snapshot written to disk for Kustomize (created on first use). */
  renderRoot: () => Promise<string>;
  allowRemoteResources: boolean;
}

/** Without a config, only files that evidently hold manifests are judged (not CI workflows, Helm templates, ...). */
function looksLikeManifest(path: string, text: string): boolean {
  if (/\.json$/i.test(path)) return text.includes('"apiVersion"') && text.includes('"kind"');
  return /^\s*["']?apiVersion["']?\s*:/m.test(text) && /^\s*["']?kind["']?\s*:/m.test(text);
}

function finding(env: string, level: FindingLevel, file: string, line: number, rule: string, message: string): Finding {
  return { check: 'validate', level, file, line, rule, message, environment: env };
}

function loadPlainFile(loaded: LoadedEnvironment, ctx: LoadContext, path: string): void {
  const env = loaded.target.env;
  const file = ctx.head.files.get(path);
  if (!file) return;
  const read = readFileText(file);
  if (!read.ok) {
    if (env.implicit) return;
    loaded.findings.push(finding(env.name, read.level, path, 1, 'file', `${path} ${read.message}`));
    if (read.level === 'failure') loaded.errors++;
    return;
  }
  if (env.implicit && !looksLikeManifest(path, read.text)) return;
  const parsed = ctx.deps.parseManifests(path, read.text);
  for (const e of parsed.errors) {
    loaded.findings.push({ ...loadErrorToFinding(e), environment: env.name });
    loaded.errors++;
  }
  loaded.objects.push(...parsed.objects);
}

async function loadOverlays(loaded: LoadedEnvironment, ctx: LoadContext): Promise<void> {
  const env = loaded.target.env;
  for (const overlay of loaded.target.overlays) {
    const rendered = await renderOverlay(ctx.head, await ctx.renderRoot(), overlay, ctx.deps, ctx.allowRemoteResources);
    for (const p of rendered.problems) {
      loaded.findings.push(finding(env.name, 'failure', p.file, p.line, 'kustomize', `${p.message} (overlay ${overlay.dir || '.'})`));
    }
    if (rendered.problems.length > 0) loaded.errors++;
    for (const m of rendered.objects) {
      loaded.objects.push(m.object);
      loaded.locators.set(m.object, m.locate);
    }
  }
}

export async function loadEnvironment(target: EnvironmentTarget, ctx: LoadContext): Promise<LoadedEnvironment> {
  const loaded: LoadedEnvironment = { target, objects: [], locators: new Map(), findings: [], errors: 0 };
  for (const path of target.files) loadPlainFile(loaded, ctx, path);
  if (target.overlays.length > 0) await loadOverlays(loaded, ctx);
  return loaded;
}
