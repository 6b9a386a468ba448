/**
 * jsdom has no TextDecoder (every browser the page runs in has): Node's, which decodes as the
 * WHATWG standard says. A side-effect import, first in a jsdom test that loads the file reader
 * (src/xlsx/zip.ts makes its decoder as its module loads, before any beforeAll runs).
 */
import { TextDecoder as NodeTextDecoder } from "node:util";

if (typeof globalThis.TextDecoder === "undefined") Object.assign(globalThis, { TextDecoder: NodeTextDecoder });
