// Draws the app's two Teams icons: color.png (192×192, full colour) and outline.png (32×32,
// white on transparent), as Teams requires. A shield with a check mark: safety, agreed action.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

function crc32(buffer) {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
function png(size, pixel) {
  const rows = [];
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x += 1) row.set(pixel((x + 0.5) / size, (y + 0.5) / size), 1 + x * 4);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

// Shapes in unit coordinates (0..1).
const inShield = (x, y, inset = 0) => {
  const cx = 0.5;
  const top = 0.18 + inset;
  const half = 0.3 - inset;
  if (y < top || y > 0.86 - inset) return false;
  if (y < 0.55) return Math.abs(x - cx) <= half;
  const t = (y - 0.55) / (0.86 - inset - 0.55);
  return Math.abs(x - cx) <= half * (1 - t);
};
const onCheck = (x, y, width) => {
  const near = (ax, ay, bx, by) => {
    const dx = bx - ax, dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) <= width;
  };
  return near(0.37, 0.5, 0.47, 0.61) || near(0.47, 0.61, 0.65, 0.4);
};

const NAVY = [0x1f, 0x3a, 0x5f, 255];
const WHITE = [255, 255, 255, 255];
const CLEAR = [0, 0, 0, 0];

writeFileSync(new URL('../manifest/color.png', import.meta.url), png(192, (x, y) => (inShield(x, y) ? (onCheck(x, y, 0.045) ? NAVY : WHITE) : NAVY)));
writeFileSync(new URL('../manifest/outline.png', import.meta.url), png(32, (x, y) => (inShield(x, y) && !inShield(x, y, 0.08)) || onCheck(x, y, 0.05) ? WHITE : CLEAR));
console.log('wrote manifest/color.png and manifest/outline.png');
