/**
 * A small PNG reader for the rendering tests: 8-bit greyscale, RGB, grey+alpha and RGBA images,
 * not interlaced (what pdftoppm writes), decoded with node's zlib. Alpha is dropped.
 */
import { inflateSync } from "node:zlib";

export interface Image {
  readonly width: number;
  readonly height: number;
  /** RGB triples, row by row. */
  readonly rgb: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function readPng(bytes: Buffer): Image {
  if (!bytes.subarray(0, 8).equals(SIGNATURE)) throw new Error("not a PNG file");
  let at = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  while (at < bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString("latin1", at + 4, at + 8);
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colourType, , , interlace] = [body[8], body[9], body[10], body[11], body[12]];
      channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[colourType] ?? 0;
      if (depth !== 8 || channels === 0 || interlace !== 0)
        throw new Error(`unsupported PNG: depth ${depth}, colour type ${colourType}, interlace ${interlace}`);
    } else if (type === "IDAT") data.push(body);
    else if (type === "IEND") break;
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = pixels.subarray(y * stride, (y + 1) * stride);
    const above = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : Buffer.alloc(stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[x - channels] : 0;
      const b = above[x];
      const c = x >= channels ? above[x - channels] : 0;
      let predicted: number;
      switch (filter) {
        case 0:
          predicted = 0;
          break;
        case 1:
          predicted = a;
          break;
        case 2:
          predicted = b;
          break;
        case 3:
          predicted = (a + b) >> 1;
          break;
        case 4: {
          const p = a + b - c;
          const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
          predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default:
          throw new Error(`bad PNG filter ${filter}`);
      }
      out[x] = (line[x] + predicted) & 0xff;
    }
  }
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    const p = i * channels;
    if (channels <= 2) rgb.fill(pixels[p], i * 3, i * 3 + 3);
    else rgb.set(pixels.subarray(p, p + 3), i * 3);
  }
  return { width, height, rgb };
}

/** Is the pixel at (x, y) within `tolerance` of the colour (hex RRGGBB) in every channel? */
export function isColour(image: Image, x: number, y: number, hex: string, tolerance = 6): boolean {
  const i = (y * image.width + x) * 3;
  const target = [0, 2, 4].map((k) => parseInt(hex.slice(k, k + 2), 16));
  return target.every((v, k) => Math.abs(image.rgb[i + k] - v) <= tolerance);
}

/** Is the pixel at (x, y) nearly white? */
export function isWhite(image: Image, x: number, y: number): boolean {
  const i = (y * image.width + x) * 3;
  return image.rgb[i] >= 245 && image.rgb[i + 1] >= 245 && image.rgb[i + 2] >= 245;
}
