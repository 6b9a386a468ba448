"use strict";
/**
 * Writes assets/icon-{16,32,64,80,128}.png: a green rounded square with three rising
 * white bars (income growth); and the ribbon button icons assets/check-{16,32,80}.png
 * (a check mark: 检查本表) and assets/summary-{16,32,80}.png (a table: 生成汇总).
 * Only Node's zlib, so a fresh clone needs no image tools; output is deterministic, so
 * re-running it leaves the committed PNGs unchanged.
 * Usage: node scripts/make-icons.js [outDir]
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
/** Ribbon button icons: file prefix → sizes (Office asks for 16, 32 and 80). */
const BUTTON_ICONS = { check: [16, 32, 80], summary: [16, 32, 80] };
const BACKGROUND = [0x1b, 0x7f, 0x4b]; // deep green
const FOREGROUND = [0xff, 0xff, 0xff];
const SAMPLES = 4; // supersampling per axis, for smooth edges at 16 px

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Distance from (x, y) to the segment (ax, ay)–(bx, by). */
function segmentDistance(x, y, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

const GLYPHS = {
  /** Three rising bars (income growth): the add-in's icon. */
  bars(x, y) {
    const bars = [
      { left: 0.2, right: 0.36, top: 0.56 },
      { left: 0.42, right: 0.58, top: 0.4 },
      { left: 0.64, right: 0.8, top: 0.22 },
    ];
    const bottom = 0.8;
    return bars.some((bar) => x >= bar.left && x < bar.right && y >= bar.top && y < bottom);
  },
  /** A check mark: 检查本表. */
  check(x, y) {
    const half = 0.065;
    return segmentDistance(x, y, 0.22, 0.52, 0.42, 0.72) <= half || segmentDistance(x, y, 0.42, 0.72, 0.78, 0.3) <= half;
  },
  /** A table with a header row: 生成汇总. */
  summary(x, y) {
    const left = 0.2;
    const right = 0.8;
    const top = 0.22;
    const bottom = 0.8;
    if (x < left || x >= right || y < top || y >= bottom) return false;
    const line = 0.06;
    if (y < top + 0.16) return true; // header row, filled
    if (x < left + line || x >= right - line || y >= bottom - line) return true; // frame
    if (Math.abs(x - 0.5) < line / 2) return true; // column rule
    return [0.52, 0.66].some((r) => Math.abs(y - r) < line / 2); // row rules
  },
};

/** Shape in unit coordinates (0..1): 0 outside, 1 background, 2 glyph. */
function shapeAt(x, y, glyph) {
  const radius = 0.18;
  const dx = Math.max(radius - x, 0, x - (1 - radius));
  const dy = Math.max(radius - y, 0, y - (1 - radius));
  if (dx * dx + dy * dy > radius * radius) return 0;
  return GLYPHS[glyph](x, y) ? 2 : 1;
}

function png(size, glyph = "bars") {
  if (!GLYPHS[glyph]) throw new Error(`unknown glyph ${glyph}`);
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
    for (let px = 0; px < size; px++) {
      let inside = 0;
      let bar = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const shape = shapeAt((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size, glyph);
          if (shape > 0) inside++;
          if (shape === 2) bar++;
        }
      }
      const share = inside === 0 ? 0 : bar / inside;
      const offset = 1 + px * 4;
      for (let i = 0; i < 3; i++) row[offset + i] = Math.round(BACKGROUND[i] + (FOREGROUND[i] - BACKGROUND[i]) * share);
      row[offset + 3] = Math.round((255 * inside) / (SAMPLES * SAMPLES));
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function main() {
  const outDir = path.resolve(process.argv[2] || path.join(__dirname, "..", "assets"));
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, png(size));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
  for (const [glyph, sizes] of Object.entries(BUTTON_ICONS)) {
    for (const size of sizes) {
      const file = path.join(outDir, `${glyph}-${size}.png`);
      fs.writeFileSync(file, png(size, glyph));
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
    }
  }
}

if (require.main === module) main();

module.exports = { png, SIZES, BUTTON_ICONS };
