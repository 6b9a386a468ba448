/**
 * Blob.prototype.text and arrayBuffer where the runtime lacks them (Chromium before 76, as WPS may
 * embed; jsdom, where the pane is tested): the 设置 tab reads a chosen policy file with arrayBuffer.
 * core-js has neither. Both read through FileReader, which those runtimes have.
 */
function readBlob<T extends string | ArrayBuffer>(blob: Blob, read: (reader: FileReader) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as T);
    reader.onerror = () => reject(reader.error ?? new Error("FileReader"));
    read(reader);
  });
}

export function installBlobReading(): void {
  if (typeof Blob !== "function") return;
  if (typeof Blob.prototype.arrayBuffer !== "function") {
    Blob.prototype.arrayBuffer = function arrayBuffer(this: Blob): Promise<ArrayBuffer> {
      return readBlob<ArrayBuffer>(this, (reader) => reader.readAsArrayBuffer(this));
    };
  }
  if (typeof Blob.prototype.text !== "function") {
    Blob.prototype.text = function text(this: Blob): Promise<string> {
      return readBlob<string>(this, (reader) => reader.readAsText(this));
    };
  }
}
