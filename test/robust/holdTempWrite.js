/**
 * Preloaded (node --require) into a `bangfu summary` child process by interrupt.test.ts: the
 * first write to the output's temporary file goes through, then the write is held (for at most
 * a minute), and "BANGFU-TEST: temp file written" is printed on stderr. The test interrupts the
 * process at that moment, so the interruption always falls inside the write.
 */
const fs = require("node:fs");

const original = fs.createWriteStream;
fs.createWriteStream = function createWriteStream(file, options) {
  const stream = original.call(fs, file, options);
  if (!String(file).endsWith(".tmp")) return stream;
  const write = stream._write.bind(stream);
  let held = false;
  stream._write = (chunk, encoding, callback) => {
    write(chunk, encoding, (error) => {
      if (error || held) return callback(error);
      held = true;
      process.stderr.write("BANGFU-TEST: temp file written\n");
      setTimeout(callback, 60_000);
    });
  };
  return stream;
};
