// Reads one file's contents as Kubernetes manifests: multi-document YAML or
// JSON, `kind: List`, comments and empty documents. Never throws on bad input;
// each problem becomes a LoadError with the line it is on.
import type { LoadError } from '../core/types.js';
import { classifyDocument } from './classify-document.js';
import { createLineLocator } from './create-line-locator.js';
import { decodeContent } from './decode-content.js';
import { parseDocument, parseJsonDocument, type ParsedDocument } from './parse-document.js';
import { splitDocuments, type DocumentChunk } from './split-documents.js';
import type { LoadedDocument, LoadOptions, LoadResult } from './types.js';

function isJsonFile(file: string): boolean {
  return file.toLowerCase().endsWith('.json');
}

function documentsOfChunk(file: string, chunk: DocumentChunk, documentIndex: number, parsed: ParsedDocument): LoadedDocument[] {
  const line = chunk.contentLine ?? chunk.firstLine;
  if (!parsed.ok) return [{ type: 'error', file, line: parsed.line, documentIndex, message: parsed.message }];
  const context = {
    file,
    documentIndex,
    line,
    lineOf: createLineLocator(chunk.text, chunk.firstLine, line),
    ...(parsed.duplicateKeys ? { duplicateKeys: parsed.duplicateKeys } : {}),
  };
  return classifyDocument(parsed.value, context);
}

/** Every document of a file, in order (a generator, so big streams need not be held twice). */
export function* loadDocuments(file: string, content: Buffer | string, options: LoadOptions = {}): Generator<LoadedDocument> {
  const decoded = decodeContent(content, options.maxFileBytes);
  if (!decoded.ok) {
    yield { type: 'error', file, line: 1, documentIndex: 0, message: decoded.message };
    return;
  }
  const chunks = splitDocuments(decoded.text);
  const json = options.json ?? isJsonFile(file);
  for (const [documentIndex, chunk] of chunks.entries()) {
    const parsed = (json ? parseJsonDocument(chunk) : undefined) ?? parseDocument(chunk);
    yield* documentsOfChunk(file, chunk, documentIndex, parsed);
  }
}

function toLoadError(document: LoadedDocument): LoadError | undefined {
  if (document.type === 'error' || document.type === 'incomplete') {
    return { file: document.file, line: document.line, message: document.message };
  }
  return undefined;
}

/** Loads a file's manifests: the objects, the errors worth reporting, and every document. */
export function loadManifests(file: string, content: Buffer | string, options: LoadOptions = {}): LoadResult {
  const result: LoadResult = { objects: [], errors: [], documents: [] };
  for (const document of loadDocuments(file, content, options)) {
    result.documents.push(document);
    if (document.type === 'object') result.objects.push(document.object);
    const error = toLoadError(document);
    if (error) result.errors.push(error);
  }
  return result;
}
