import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sniffPhotoType } from './evidence-photo.js';

const bytes = (...parts: Array<number[] | string>) => Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? Array.from(part, (c) => c.charCodeAt(0)) : part)));

describe('photo type by magic bytes', () => {
  it.each([
    ['a JPEG (JFIF)', bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF'), 'image/jpeg'],
    ['a JPEG (Exif)', bytes([0xff, 0xd8, 0xff, 0xe1]), 'image/jpeg'],
    ['a PNG', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR'), 'image/png'],
    ['a WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
  ])('recognises %s', (_, file, type) => {
    expect(sniffPhotoType(file)).toBe(type);
  });

  it.each([
    ['an empty file', bytes()],
    ['a truncated PNG signature', bytes([0x89], 'PNG', [0x0d, 0x0a])],
    ['a GIF', bytes('GIF89a')],
    ['an HTML page named .png', bytes('<html><script>alert(1)</script>')],
    ['an SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['a WAV (RIFF but not WEBP)', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt ')],
    ['a PDF', bytes('%PDF-1.7')],
    ['two JPEG bytes only', bytes([0xff, 0xd8])],
  ])('refuses %s', (_, file) => {
    expect(sniffPhotoType(file)).toBeNull();
  });

  it('answers only from the first bytes: anything after a valid signature keeps its type', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (tail) => {
        expect(sniffPhotoType(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...tail]))).toBe('image/png');
        expect(sniffPhotoType(Uint8Array.from([0xff, 0xd8, 0xff, ...tail]))).toBe('image/jpeg');
      }),
    );
  });
});
