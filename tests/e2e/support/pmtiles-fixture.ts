/**
 * Writes a small raster PMTiles v3 archive for browser tests: one solid-colour PNG tile repeated over a
 * bounding box at a range of zooms. pmtiles (the library the editor reads with) has no writer, so the
 * format's header and directory are written here, by its published spec, in a few lines.
 */
import { writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { zxyToTileId } from 'pmtiles';

function solidPng(rgb: readonly [number, number, number]): Buffer {
  const png = new PNG({ width: 256, height: 256 });
  for (let i = 0; i < png.data.length; i += 4) {
    png.data[i] = rgb[0];
    png.data[i + 1] = rgb[1];
    png.data[i + 2] = rgb[2];
    png.data[i + 3] = 255;
  }
  return PNG.sync.write(png);
}

function varint(value: number, out: number[]): void {
  let v = value;
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
}

function tileXY(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const rad = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return [x, y];
}

export function writeRasterPmtiles(path: string, bbox: readonly [number, number, number, number], minZoom: number, maxZoom: number, rgb: readonly [number, number, number]): void {
  const tile = solidPng(rgb);
  const ids: number[] = [];
  for (let z = minZoom; z <= maxZoom; z++) {
    const [x0, y0] = tileXY(bbox[0], bbox[3], z);
    const [x1, y1] = tileXY(bbox[2], bbox[1], z);
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) ids.push(zxyToTileId(z, x, y));
  }
  ids.sort((a, b) => a - b);
  // Directory: count, tile id deltas, run lengths, lengths, offsets (+1; every entry points at the one tile).
  const dir: number[] = [];
  varint(ids.length, dir);
  ids.forEach((id, i) => varint(i === 0 ? id : id - (ids[i - 1] as number), dir));
  ids.forEach(() => varint(1, dir));
  ids.forEach(() => varint(tile.length, dir));
  ids.forEach(() => varint(1, dir)); // offset 0, stored as offset + 1
  const metadata = Buffer.from('{}');
  const header = Buffer.alloc(127);
  header.write('PMTiles', 0, 'ascii');
  header.writeUInt8(3, 7);
  const rootOffset = 127;
  const metadataOffset = rootOffset + dir.length;
  const dataOffset = metadataOffset + metadata.length;
  header.writeBigUInt64LE(BigInt(rootOffset), 8);
  header.writeBigUInt64LE(BigInt(dir.length), 16);
  header.writeBigUInt64LE(BigInt(metadataOffset), 24);
  header.writeBigUInt64LE(BigInt(metadata.length), 32);
  header.writeBigUInt64LE(0n, 40);
  header.writeBigUInt64LE(0n, 48);
  header.writeBigUInt64LE(BigInt(dataOffset), 56);
  header.writeBigUInt64LE(BigInt(tile.length), 64);
  header.writeBigUInt64LE(BigInt(ids.length), 72);
  header.writeBigUInt64LE(BigInt(ids.length), 80);
  header.writeBigUInt64LE(1n, 88);
  header.writeUInt8(0, 96); // not clustered: entries share one tile
  header.writeUInt8(1, 97); // internal compression: none
  header.writeUInt8(1, 98); // tile compression: none
  header.writeUInt8(2, 99); // tile type: png
  header.writeUInt8(minZoom, 100);
  header.writeUInt8(maxZoom, 101);
  header.writeInt32LE(Math.round(bbox[0] * 1e7), 102);
  header.writeInt32LE(Math.round(bbox[1] * 1e7), 106);
  header.writeInt32LE(Math.round(bbox[2] * 1e7), 110);
  header.writeInt32LE(Math.round(bbox[3] * 1e7), 114);
  header.writeUInt8(minZoom, 118);
  header.writeInt32LE(Math.round(((bbox[0] + bbox[2]) / 2) * 1e7), 119);
  header.writeInt32LE(Math.round(((bbox[1] + bbox[3]) / 2) * 1e7), 123);
  writeFileSync(path, Buffer.concat([header, Buffer.from(dir), metadata, tile]));
}
