/** A 1×1 PNG; `salt` appended after IEND makes distinct contents that still read as PNG. */
export function tinyPng(salt = ''): Buffer {
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  return Buffer.concat([png, Buffer.from(salt)]);
}

/** A multipart/form-data body with the given parts, and its content type. */
export function multipart(parts: Array<{ name: string; filename?: string; type?: string; content: Buffer | string }>): { payload: Buffer; contentType: string } {
  const boundary = `----shoutu-test-${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename !== undefined ? `; filename="${part.filename}"` : ''}`;
    const head = `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${part.type ? `Content-Type: ${part.type}\r\n` : ''}\r\n`;
    chunks.push(Buffer.from(head), Buffer.isBuffer(part.content) ? part.content : Buffer.from(part.content), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** One photo as the `file` field. */
export const photoUpload = (content: Buffer, filename = 'photo.png', type = 'image/png') => multipart([{ name: 'file', filename, type, content }]);
