// Collects a response body (HTTP/1.1 response or HTTP/2 stream) into a
// string, refusing answers above a size no Kubernetes object list reaches.
// Callback style, so the answer is handed over in the 'end' event itself,
// before the stream's 'close'.
import type { Readable } from 'node:stream';

export const MAX_BODY_BYTES = 64 * 1024 * 1024;

export function collectBody(stream: Readable, done: (body: string) => void, failed: (err: Error) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  stream.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) stream.destroy(new Error(`response larger than ${MAX_BODY_BYTES} bytes`));
    else chunks.push(chunk);
  });
  stream.on('error', failed);
  stream.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
}
