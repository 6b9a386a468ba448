/**
 * Built-ins that the pane, React 19 or Fluent UI use and that WPS's older embedded Chromium may
 * lack. The WPS build targets Chromium 64 (syntax is lowered by esbuild, see
 * webpack.wps.config.js); these are what Chromium 64 does not have (first version in brackets).
 * test/wps/browser.test.ts deletes each of them before the built add-in loads, to show that
 * this list is enough for what the tests exercise.
 */
import "core-js/stable/global-this"; // 71
import "core-js/stable/object/from-entries"; // 73
import "core-js/stable/object/has-own"; // 93
import "core-js/stable/array/flat"; // 69
import "core-js/stable/array/flat-map"; // 69
import "core-js/stable/array/at"; // 92
import "core-js/stable/array/find-last"; // 97
import "core-js/stable/array/find-last-index"; // 97
import "core-js/stable/string/at"; // 92
import "core-js/stable/string/match-all"; // 73
import "core-js/stable/string/replace-all"; // 85
import "core-js/stable/string/trim-start"; // 66
import "core-js/stable/string/trim-end"; // 66
import "core-js/stable/promise/all-settled"; // 76
import "core-js/stable/promise/any"; // 85
import "core-js/stable/queue-microtask"; // 71
import "core-js/stable/structured-clone"; // 98
import { installBlobReading } from "./blobReading";

// Blob.prototype.text and arrayBuffer (76): see ./blobReading.ts.
installBlobReading();
