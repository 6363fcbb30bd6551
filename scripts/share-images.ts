/**
 * Draws the share-card images (`src/assets/share/<kind>.png`, 500×400, WeChat's 5:4 card) for the shareable pages:
 * the theme's red with a white card and a pictogram per kind (event: a calendar, survey: a form, outlet: a shop,
 * circle: rings around a point, guideline: a bound document). No text: the card's title says what it is. Deterministic, so running it again
 * changes nothing. `npx tsx scripts/share-images.ts`; the WeChat build copies src/assets/ into dist/assets/.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const SHARE_KINDS = ['event', 'survey', 'outlet', 'circle', 'guideline'] as const;
const W = 500;
const H = 400;
type Rgb = [number, number, number];
const RED: Rgb = [0xc8, 0x10, 0x2e];
const DARK: Rgb = [0xa0, 0x0c, 0x24];
const WHITE: Rgb = [0xff, 0xff, 0xff];
const SOFT: Rgb = [0xfc, 0xe4, 0xec];

class Canvas {
  readonly px = new Uint8Array(W * H * 3);
  set(x: number, y: number, c: Rgb) {
    if (x < 0 || y < 0 || x >= W || y >= H) return;
    this.px.set(c, (y * W + x) * 3);
  }
  fill(test: (x: number, y: number) => boolean, c: Rgb, box = [0, 0, W, H]) {
    for (let y = box[1]; y < box[3]; y++) for (let x = box[0]; x < box[2]; x++) if (test(x, y)) this.set(x, y, c);
  }
  rect(x0: number, y0: number, x1: number, y1: number, c: Rgb, r = 0) {
    this.fill(
      (x, y) => {
        const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
        const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
        return dx * dx + dy * dy <= r * r;
      },
      c,
      [x0, y0, x1, y1],
    );
  }
  ring(cx: number, cy: number, r0: number, r1: number, c: Rgb) {
    this.fill((x, y) => {
      const d = Math.hypot(x - cx, y - cy);
      return d >= r0 && d <= r1;
    }, c);
  }
  png(): Buffer {
    const raw = Buffer.alloc((W * 3 + 1) * H);
    for (let y = 0; y < H; y++) {
      raw[y * (W * 3 + 1)] = 0;
      Buffer.from(this.px.buffer, y * W * 3, W * 3).copy(raw, y * (W * 3 + 1) + 1);
    }
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(W, 0);
    ihdr.writeUInt32BE(H, 4);
    ihdr.set([8, 2, 0, 0, 0], 8);
    return Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
      chunk('IEND', Buffer.alloc(0)),
    ]);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** The card of one kind. */
export function drawShareCard(kind: (typeof SHARE_KINDS)[number]): Buffer {
  const c = new Canvas();
  c.fill(() => true, RED);
  // The brand's ten-minute circle, large and faint behind the card.
  c.ring(400, 330, 150, 170, DARK);
  c.ring(400, 330, 90, 104, DARK);
  c.rect(110, 60, 390, 340, WHITE, 28);
  if (kind === 'event') {
    c.rect(160, 110, 340, 300, RED, 14);
    c.rect(172, 160, 328, 288, WHITE, 6);
    c.rect(195, 95, 211, 130, DARK, 6);
    c.rect(289, 95, 305, 130, DARK, 6);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++)
        c.rect(190 + i * 48, 176 + j * 36, 222 + i * 48, 200 + j * 36, i + j === 2 ? RED : SOFT, 4);
  } else if (kind === 'survey') {
    c.rect(170, 100, 330, 310, SOFT, 12);
    c.rect(215, 88, 285, 118, DARK, 8);
    for (let i = 0; i < 4; i++) {
      c.ring(200, 150 + i * 40, 0, 10, i === 1 ? RED : DARK);
      c.rect(222, 144 + i * 40, 305, 156 + i * 40, DARK, 6);
    }
  } else if (kind === 'outlet') {
    c.rect(160, 175, 340, 300, SOFT, 8);
    for (let i = 0; i < 5; i++)
      c.rect(150 + i * 40, 115, 190 + i * 40, 175, i % 2 ? WHITE : RED, i === 0 || i === 4 ? 10 : 0);
    c.rect(150, 115, 350, 122, RED);
    c.rect(225, 215, 275, 300, RED, 6);
    c.rect(178, 200, 212, 240, DARK, 4);
    c.rect(288, 200, 322, 240, DARK, 4);
  } else if (kind === 'guideline') {
    // A bound document: 一街一则.
    c.rect(175, 95, 325, 310, SOFT, 10);
    c.rect(175, 95, 195, 310, RED, 6);
    c.rect(215, 120, 300, 136, DARK, 6);
    for (let i = 0; i < 5; i++) c.rect(215, 160 + i * 28, i === 4 ? 265 : 305, 170 + i * 28, DARK, 5);
  } else {
    c.ring(250, 200, 100, 112, RED);
    c.ring(250, 200, 58, 68, SOFT);
    c.ring(250, 200, 0, 28, RED);
  }
  return c.png();
}

if (require.main === module) {
  const dir = path.resolve(__dirname, '..', 'src', 'assets', 'share');
  fs.mkdirSync(dir, { recursive: true });
  for (const kind of SHARE_KINDS) {
    const file = path.join(dir, `${kind}.png`);
    fs.writeFileSync(file, drawShareCard(kind));
    console.log(`${path.relative(process.cwd(), file)} (${fs.statSync(file).size} B)`);
  }
}
