import { randomBytes } from 'node:crypto';

let block = Buffer.alloc(0);
let offset = 0;

/**
 * A time-ordered UUID (version 7, RFC 9562): 48 bits of milliseconds, then random bits. A list of
 * 50,000 persons and their history and plan rows is then appended at the end of each primary-key
 * and person-id index instead of landing on random pages of it (random version 4 keys made an
 * import slow down as the tables grew). The id reveals when the row was made, which the row says
 * anyway.
 */
export function timeOrderedId(now = Date.now()): string {
  if (offset + 10 > block.length) {
    block = randomBytes(16 * 1024);
    offset = 0;
  }
  const bytes = Buffer.alloc(16);
  bytes.writeUIntBE(now, 0, 6);
  block.copy(bytes, 6, offset, offset + 10);
  offset += 10;
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
