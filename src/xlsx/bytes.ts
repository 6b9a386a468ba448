/** Byte arrays joined: the zip writer's output, a part encoded in pieces. Platform-neutral. */

/** The chunks as one array (the chunk itself when there is only one). */
export function concatenate(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
