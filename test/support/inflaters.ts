/** The reader's three inflaters, for tests that run a case through each of them. */
import { nodeInflater } from "../../src/xlsx/readWorkbook";
import { bytesSource, fflateInflater, Inflater, readZipDirectory, streamInflater, ZipEntry } from "../../src/xlsx/zip";

/** The browser's two (DecompressionStream, and fflate where that takes no raw deflate) and node's zlib (the command line's). */
export const INFLATERS: readonly (readonly [string, Inflater])[] = [
  ["DecompressionStream", streamInflater],
  ["fflate", fflateInflater],
  ["node's zlib", nodeInflater],
];

/** A zip's entry by name; throws when there is none. */
export async function entryNamed(zip: Uint8Array, name: string): Promise<ZipEntry> {
  const entry = (await readZipDirectory(bytesSource(zip))).get(name);
  if (!entry) throw new Error(`test helper: no entry ${name}`);
  return entry;
}
