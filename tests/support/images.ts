import { crc32, deflateSync } from "node:zlib";

/** Crafted image files: right where a type check looks, wrong where a decoder reads. */

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

function png(width: number, height: number, data: Buffer) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA: the PDF renderer must inflate the data to split off the alpha channel
  return Buffer.concat([SIGNATURE, chunk("IHDR", header), chunk("IDAT", data), chunk("IEND", Buffer.alloc(0))]);
}

/** A PNG with a valid signature, header and checksums whose image data is not zlib data. */
export const corruptPng = () =>
  png(16, 16, Buffer.from("dit is geen zlib-stroom, maar dat ziet de kop niet ".repeat(4)));

/** A small file whose header claims an image of `side` by `side` pixels. */
export const hugePng = (side: number) => png(side, side, deflateSync(Buffer.alloc(64)));
