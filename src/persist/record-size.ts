/** Sizes of what is stored, in UTF-8 bytes of its JSON: a stable, engine-independent measure. */
const encoder = new TextEncoder();

export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? '').byteLength;
}
