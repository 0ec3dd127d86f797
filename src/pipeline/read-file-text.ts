// File-level checks before parsing: a file that is not readable text becomes
// a finding with a clear message instead of a crash. Content rules (size,
// binary, encoding) are the manifest reader's own (decodeContent).
import type { FindingLevel, SnapshotFile } from '../core/types.js';
import { decodeContent, DEFAULT_MAX_FILE_BYTES } from '../manifests/decode-content.js';

export type FileText = { ok: true; text: string } | { ok: false; level: FindingLevel; message: string };

export function readFileText(file: SnapshotFile, maxBytes = DEFAULT_MAX_FILE_BYTES): FileText {
  if (file.type === 'submodule') {
    return { ok: false, level: 'warning', message: 'is a git submodule: kubegate does not check out submodules, so its manifests are not validated' };
  }
  if (file.type === 'symlink') {
    return {
      ok: false,
      level: 'warning',
      message: `is a symbolic link to "${file.linkTarget ?? ''}": links are not followed; the file it points to is validated when it is part of an environment`,
    };
  }
  if (!file.content && file.size > maxBytes) {
    return { ok: false, level: 'failure', message: `is ${file.size} bytes, over the ${maxBytes}-byte limit for one manifest file: not validated` };
  }
  if (!file.content) return { ok: false, level: 'warning', message: 'has no content in the snapshot (it was not downloaded): not validated' };
  const decoded = decodeContent(file.content, maxBytes);
  return decoded.ok ? decoded : { ok: false, level: 'failure', message: decoded.message.replace(/^file /, '') };
}
