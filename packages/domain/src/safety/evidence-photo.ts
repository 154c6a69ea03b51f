/**
 * Photos of hazards and of their rectification (整改前后照片): JPEG, PNG or WebP only, recognised
 * by their first bytes (magic numbers), never by the file name or the type the client declares —
 * both are the sender's say-so, and a browser told `image/png` would still sniff an HTML file.
 */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

/** 5 MiB: a phone photo at full resolution, well below what a grid worker's network carries. */
export const DEFAULT_PHOTO_MAX_BYTES = 5 * 1024 * 1024;

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  return bytes.length >= at + prefix.length && prefix.every((byte, i) => bytes[at + i] === byte);
}

const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

/**
 * The photo type of a file from its content, or null when it is none of the three: JPEG starts
 * FF D8 FF (SOI and the next marker), PNG with its 8-byte signature, WebP with a RIFF header whose
 * form type is `WEBP` (RIFF <size> WEBP).
 */
export function sniffPhotoType(bytes: Uint8Array): PhotoType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  return null;
}
