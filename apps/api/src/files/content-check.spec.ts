import { sniffMime, stripMetadata } from './content-check.js';

/** A minimal JPEG: SOI, an APP1 Exif segment carrying "GPS", APP0 JFIF, SOS with data, EOI. */
function jpegWithExif(): Buffer {
  const seg = (marker: number, payload: Buffer) => {
    const head = Buffer.from([0xff, marker, 0, 0]);
    head.writeUInt16BE(payload.length + 2, 2);
    return Buffer.concat([head, payload]);
  };
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    seg(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), Buffer.from('GPSLatitude 30.94 GPSLongitude 118.76', 'latin1')])),
    seg(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
    Buffer.from([0xff, 0xda, 0x00, 0x08, 1, 2, 3, 4, 5, 6, 0x11, 0x22, 0x33, 0xff, 0xd9]),
  ]);
}

function pngWithExif(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    return Buffer.concat([len, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
  };
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', Buffer.alloc(13)),
    chunk('eXIf', Buffer.from('GPS secret place', 'latin1')),
    chunk('IDAT', Buffer.from([1, 2, 3])),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('upload content checks', () => {
  it('recognises files by their bytes, not their names', () => {
    expect(sniffMime(jpegWithExif())).toBe('image/jpeg');
    expect(sniffMime(pngWithExif())).toBe('image/png');
    expect(sniffMime(Buffer.from('%PDF-1.7\n...'))).toBe('application/pdf');
    expect(sniffMime(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffMime(Buffer.from('<svg onload="alert(1)">'))).toBeNull();
    expect(sniffMime(Buffer.from('MZ\x90\0'))).toBeNull();
  });

  it('removes the Exif segment (with its GPS data) from a JPEG and keeps the image data', () => {
    const src = jpegWithExif();
    const out = stripMetadata(src, 'image/jpeg');
    expect(out.toString('latin1')).not.toContain('GPS');
    expect(out.toString('latin1')).toContain('JFIF');
    expect(out.subarray(-15).equals(src.subarray(-15))).toBe(true);
    expect(sniffMime(out)).toBe('image/jpeg');
  });

  it('removes eXIf chunks from a PNG', () => {
    const out = stripMetadata(pngWithExif(), 'image/png');
    expect(out.toString('latin1')).not.toContain('GPS');
    expect(out.toString('latin1')).toContain('IDAT');
    expect(out.toString('latin1')).toContain('IEND');
  });
});
