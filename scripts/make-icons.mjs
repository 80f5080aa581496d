#!/usr/bin/env node
// Draws the add-in's icons (a white two-arrow sync ring on Outlook blue) as real PNG files with
// nothing but zlib, so the repo needs no image tool. Run: node scripts/make-icons.mjs
// Sizes: 16/32/80 for the ribbon button (required by the manifest), 64/128 for IconUrl and
// HighResolutionIconUrl.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZES = [16, 32, 64, 80, 128];
const BLUE = [0x0f, 0x6c, 0xbd];
const WHITE = [0xff, 0xff, 0xff];
const SUPERSAMPLE = 4;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes RGBA rows as a PNG (colour type 6, 8 bits, filter 0 on every row). */
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Which colour a point (unit square coordinates) has: null = transparent. */
function colourAt(x, y) {
  const cx = x - 0.5;
  const cy = y - 0.5;
  // Rounded square background.
  const corner = 0.2;
  const qx = Math.max(Math.abs(cx) - (0.5 - corner), 0);
  const qy = Math.max(Math.abs(cy) - (0.5 - corner), 0);
  if (qx * qx + qy * qy > corner * corner) return null;
  const radius = Math.hypot(cx, cy);
  const angle = Math.atan2(cy, cx); // -PI..PI, 0 = right
  // Two arcs with a gap at top-right and bottom-left: the classic "sync" ring.
  const onRing = radius > 0.22 && radius < 0.31;
  const inGap = (angle > -1.2 && angle < -0.45) || (angle > 1.95 && angle < 2.7);
  if (onRing && !inGap) return WHITE;
  // Arrowheads at the end of each arc, pointing along the ring.
  if (inArrowHead(cx, cy, -0.45) || inArrowHead(cx, cy, 2.7)) return WHITE;
  return BLUE;
}

function inArrowHead(cx, cy, angle) {
  const r = 0.265;
  const tipX = r * Math.cos(angle);
  const tipY = r * Math.sin(angle);
  // Local frame: u along the tangent (direction of travel), v towards the outside.
  const tx = -Math.sin(angle);
  const ty = Math.cos(angle);
  const dx = cx - tipX;
  const dy = cy - tipY;
  const u = -(dx * tx + dy * ty);
  const v = dx * Math.cos(angle) + dy * Math.sin(angle);
  return u > 0 && u < 0.14 && Math.abs(v) < 0.12 * (1 - u / 0.14) + 0.001;
}

function drawIcon(size) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const colour = colourAt(
            (px + (sx + 0.5) / SUPERSAMPLE) / size,
            (py + (sy + 0.5) / SUPERSAMPLE) / size,
          );
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          covered++;
        }
      }
      const offset = (py * size + px) * 4;
      if (covered > 0) rgba.set([r / covered, g / covered, b / covered], offset);
      rgba[offset + 3] = Math.round((covered / SUPERSAMPLE ** 2) * 255);
    }
  }
  return encodePng(size, rgba);
}

const assetsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets');
mkdirSync(assetsDir, { recursive: true });
for (const size of SIZES) {
  const file = join(assetsDir, `icon-${size}.png`);
  writeFileSync(file, drawIcon(size));
  console.log(`wrote assets/icon-${size}.png`);
}
