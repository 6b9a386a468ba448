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

// Blob.prototype.text and arrayBuffer (76): the 设置 tab reads a chosen policy file with arrayBuffer. core-js has neither.
function readBlob<T extends string | ArrayBuffer>(blob: Blob, read: (reader: FileReader) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as T);
    reader.onerror = () => reject(reader.error ?? new Error("FileReader"));
    read(reader);
  });
}
if (typeof Blob === "function" && typeof Blob.prototype.arrayBuffer !== "function") {
  Blob.prototype.arrayBuffer = function arrayBuffer(this: Blob): Promise<ArrayBuffer> {
    return readBlob<ArrayBuffer>(this, (reader) => reader.readAsArrayBuffer(this));
  };
}
if (typeof Blob === "function" && typeof Blob.prototype.text !== "function") {
  Blob.prototype.text = function text(this: Blob): Promise<string> {
    return readBlob<string>(this, (reader) => reader.readAsText(this));
  };
}
