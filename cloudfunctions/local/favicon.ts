import zlib from 'node:zlib';

/** The app's red (#c8102e) as RGB. */
const RED: [number, number, number] = [0xc8, 0x10, 0x2e];

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
}

/** A size×size RGBA PNG: a red disc with a white ring — the "circle" of 生活圈 (the product mark, our own drawing). */
export function iconPng(size = 32): Buffer {
  const rows: Buffer[] = [];
  const c = (size - 1) / 2;
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then pixels
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - c, y - c);
      const o = 1 + x * 4;
      if (d > size / 2) continue; // transparent
      const ring = d > size * 0.22 && d < size * 0.32;
      row[o] = ring ? 255 : RED[0];
      row[o + 1] = ring ? 255 : RED[1];
      row[o + 2] = ring ? 255 : RED[2];
      row[o + 3] = 255;
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** `/favicon.ico`: an ICO file holding one PNG image (a format every current browser reads). */
export function faviconIco(): Buffer {
  const png = iconPng(32);
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  const entry = Buffer.alloc(16);
  entry[0] = 32; // width
  entry[1] = 32; // height
  entry.writeUInt16LE(1, 4); // colour planes
  entry.writeUInt16LE(32, 6); // bits per pixel
  entry.writeUInt32LE(png.length, 8);
  entry.writeUInt32LE(6 + 16, 12); // offset of the image
  return Buffer.concat([header, entry, png]);
}
