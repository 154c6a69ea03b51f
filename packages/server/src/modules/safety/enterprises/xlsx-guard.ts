import { createInflateRaw } from 'node:zlib';

/**
 * An uploaded .xlsx is a zip archive, and a zip can expand a few megabytes into gigabytes (a
 * "zip bomb", SECURITY.md row 26). Before any spreadsheet library sees the bytes, this walks the
 * archive the way a streaming reader does — local entries one after another from the first byte —
 * checks that it matches the central directory exactly (no hidden entries, no zip64, no
 * encryption), and inflates every entry while counting, refusing it the moment it grows past the
 * size it declared or the total passes the limit.
 */
export class XlsxRejected extends Error {
  constructor(readonly reason: 'not_xlsx' | 'too_large') {
    super(reason === 'not_xlsx' ? 'not an .xlsx workbook' : 'the workbook expands too far');
  }
}

export interface XlsxLimits {
  maxEntries: number;
  maxUncompressedBytes: number;
}

export const DEFAULT_XLSX_LIMITS: XlsxLimits = { maxEntries: 500, maxUncompressedBytes: 128 * 1024 * 1024 };

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const DESCRIPTOR = 0x08074b50;

interface Entry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
}

function fail(): never {
  throw new XlsxRejected('not_xlsx');
}

function readCentralDirectory(bytes: Buffer, limits: XlsxLimits): { entries: Entry[]; directoryOffset: number } {
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== LOCAL) fail();
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i -= 1) {
    if (bytes.readUInt32LE(i) === END) {
      end = i;
      break;
    }
  }
  if (end < 0) fail();
  const count = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  if (bytes.readUInt16LE(end + 4) !== 0 || count === 0xffff || directoryOffset === 0xffffffff) fail();
  if (count > limits.maxEntries) throw new XlsxRejected('too_large');
  if (directoryOffset + directorySize > end) fail();
  const entries: Entry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== CENTRAL) fail();
    const nameLength = bytes.readUInt16LE(at + 28);
    const entry: Entry = {
      flags: bytes.readUInt16LE(at + 8),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      offset: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
    };
    // Encrypted entries (bit 0) and methods other than stored and deflate are no workbook of ours.
    if (entry.flags & 1 || (entry.method !== 0 && entry.method !== 8)) fail();
    if (entry.compressedSize === 0xffffffff || entry.size === 0xffffffff || entry.offset === 0xffffffff) fail();
    entries.push(entry);
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return { entries, directoryOffset };
}

/** Local entries must follow one another from byte 0 to the central directory, each as the directory lists it. */
function checkContiguous(bytes: Buffer, entries: Entry[], directoryOffset: number): Array<Entry & { dataStart: number }> {
  const sorted = [...entries].sort((a, b) => a.offset - b.offset);
  let expected = 0;
  const located = sorted.map((entry) => {
    if (entry.offset !== expected || entry.offset + 30 > directoryOffset || bytes.readUInt32LE(entry.offset) !== LOCAL) fail();
    const nameLength = bytes.readUInt16LE(entry.offset + 26);
    const dataStart = entry.offset + 30 + nameLength + bytes.readUInt16LE(entry.offset + 28);
    if (bytes.toString('utf8', entry.offset + 30, entry.offset + 30 + nameLength) !== entry.name) fail();
    let next = dataStart + entry.compressedSize;
    // Bit 3: sizes follow the data in a descriptor, with or without its optional signature.
    if (entry.flags & 8) next += next + 4 <= directoryOffset && bytes.readUInt32LE(next) === DESCRIPTOR ? 16 : 12;
    if (next > directoryOffset) fail();
    expected = next;
    return { ...entry, dataStart };
  });
  if (expected !== directoryOffset) fail();
  return located;
}

function inflatedSize(data: Buffer, limit: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const inflate = createInflateRaw();
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        inflate.destroy();
        reject(new XlsxRejected('too_large'));
      }
    });
    inflate.on('error', () => reject(new XlsxRejected('not_xlsx')));
    inflate.on('end', () => resolve(size));
    inflate.end(data);
  });
}

export async function assertSafeXlsx(bytes: Buffer, limits: XlsxLimits = DEFAULT_XLSX_LIMITS): Promise<void> {
  const { entries, directoryOffset } = readCentralDirectory(bytes, limits);
  const names = new Set(entries.map((entry) => entry.name));
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml') || names.size !== entries.length) fail();
  const declared = entries.reduce((sum, entry) => sum + entry.size, 0);
  if (declared > limits.maxUncompressedBytes) throw new XlsxRejected('too_large');
  let total = 0;
  for (const entry of checkContiguous(bytes, entries, directoryOffset)) {
    const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
    const size = entry.method === 0 ? data.length : await inflatedSize(data, Math.min(entry.size, limits.maxUncompressedBytes - total));
    // An entry that expands to anything but its declared size was built to mislead a reader.
    if (size !== entry.size) throw new XlsxRejected(size > entry.size ? 'too_large' : 'not_xlsx');
    total += size;
  }
}
