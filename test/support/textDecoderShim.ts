/**
 * jsdom has no TextDecoder or TextEncoder (every browser the page runs in has both): Node's, which
 * follow the WHATWG standard. A side-effect import, first in a jsdom test that loads the file
 * reader or the summary writer (src/xlsx/zip.ts makes its decoder, src/xlsx/zipWriter.ts its
 * encoder, as their modules load, before any beforeAll runs).
 */
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "node:util";

if (typeof globalThis.TextDecoder === "undefined") Object.assign(globalThis, { TextDecoder: NodeTextDecoder });
if (typeof globalThis.TextEncoder === "undefined") Object.assign(globalThis, { TextEncoder: NodeTextEncoder });
