// Git's blob id (sha1 of "blob <size>\0" + content), computed while streaming,
// so a snapshot's hashes equal the blob shas GitHub and `git ls-tree` show.
import { createHash, type Hash } from 'node:crypto';

export interface BlobHasher {
  update(chunk: Uint8Array): void;
  digest(): string;
}

export function createBlobHasher(size: number): BlobHasher {
  const hash: Hash = createHash('sha1').update(`blob ${size}\0`);
  return {
    update: (chunk) => void hash.update(chunk),
    digest: () => hash.digest('hex'),
  };
}

export function gitBlobHash(content: Uint8Array | string): string {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  const hasher = createBlobHasher(bytes.length);
  hasher.update(bytes);
  return hasher.digest();
}
