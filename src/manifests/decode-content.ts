// Turns a file's bytes into text, refusing what cannot be a manifest file:
// oversized files, binary files and bytes that are not UTF-8 (or UTF-16 with
// a byte-order mark, which YAML allows).
import { isUtf8 } from 'node:buffer';

export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

export type DecodedContent = { ok: true; text: string } | { ok: false; message: string };

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

function tooLarge(bytes: number, maxBytes: number): DecodedContent {
  return {
    ok: false,
    message:
      `file is ${formatBytes(bytes)}, over the ${formatBytes(maxBytes)} limit for one manifest file; ` +
      'split it into smaller files',
  };
}

function decodeUtf16(content: Buffer): string | undefined {
  if (content.length < 2) return undefined;
  if (content[0] === 0xff && content[1] === 0xfe) return new TextDecoder('utf-16le').decode(content.subarray(2));
  if (content[0] === 0xfe && content[1] === 0xff) return new TextDecoder('utf-16be').decode(content.subarray(2));
  return undefined;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Decodes a file's contents, or says why it cannot be read as manifests. */
export function decodeContent(content: Buffer | string, maxBytes = DEFAULT_MAX_FILE_BYTES): DecodedContent {
  if (typeof content === 'string') {
    const bytes = Buffer.byteLength(content);
    if (bytes > maxBytes) return tooLarge(bytes, maxBytes);
    if (content.includes('\u0000')) return { ok: false, message: 'file contains NUL characters: it looks binary, not YAML or JSON' };
    return { ok: true, text: stripBom(content) };
  }
  if (content.length > maxBytes) return tooLarge(content.length, maxBytes);
  const utf16 = decodeUtf16(content);
  if (utf16 !== undefined) return { ok: true, text: utf16 };
  if (content.includes(0)) return { ok: false, message: 'file contains NUL bytes: it looks binary, not YAML or JSON' };
  if (!isUtf8(content)) {
    return { ok: false, message: 'file is not valid UTF-8; save it as UTF-8 (YAML and JSON manifests must be Unicode text)' };
  }
  return { ok: true, text: stripBom(content.toString('utf8')) };
}
