import { deflateSync } from "node:zlib";
import exifr from "exifr";
import piexif from "piexifjs";
import sharp from "sharp";

/**
 * Synthetic images for the pipeline's tests: generated patterns, never photographs. Each
 * "identifying" detail planted in them carries a marker string, so a test can also search the
 * output bytes for it.
 */

/** A striped, gradient test pattern: detailed enough that resizing and encoding do real work. */
export async function patternImage(
  width: number,
  height: number,
  format: "jpeg" | "png" | "webp" | "avif" = "jpeg",
  options: { alpha?: boolean } = {},
): Promise<Buffer> {
  const channels = options.alpha ? 4 : 3;
  const pixels = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * channels;
      const stripe = Math.floor((x + y) / 16) % 2 === 0;
      pixels[i] = stripe ? 200 : Math.floor((255 * x) / width);
      pixels[i + 1] = Math.floor((255 * y) / height);
      pixels[i + 2] = stripe ? 60 : 180;
      if (channels === 4) pixels[i + 3] = x < width / 2 ? 255 : 96;
    }
  }
  return sharp(pixels, { raw: { width, height, channels } }).toFormat(format).toBuffer();
}

/** Strings planted in the test JPEG; none may survive the pipeline. */
export const PLANTED = {
  make: "PlantedCameraMaker",
  serial: "PLANTED-SERIAL-4711",
  makerNote: "PLANTED-MAKERNOTE-owner-details",
  xmp: "PLANTED-XMP-creator",
  iptc: "PLANTED-IPTC-byline",
  comment: "PLANTED-JPEG-COMMENT",
  thumbnailColour: [255, 0, 255],
} as const;

const segment = (marker: number, payload: Buffer) => {
  const header = Buffer.alloc(4);
  header[0] = 0xff;
  header[1] = marker;
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([header, payload]);
};

/**
 * A JPEG carrying every kind of metadata a camera or editor writes: EXIF (camera make, body serial
 * number, orientation 6 = "rotate 90° clockwise to view"), GPS coordinates, a maker note, an
 * embedded thumbnail (a magenta square, unlike the picture), XMP, IPTC (in a Photoshop APP13
 * block) and a JPEG comment. The pixels are 480 × 360 as stored, so 360 × 480 upright.
 */
export async function jpegWithEverything(): Promise<Buffer> {
  const base = await patternImage(480, 360, "jpeg");
  const thumbnail = await sharp({
    create: { width: 64, height: 48, channels: 3, background: { r: 255, g: 0, b: 255 } },
  })
    .jpeg()
    .toBuffer();
  const exif = piexif.dump({
    "0th": {
      [piexif.ImageIFD.Make]: PLANTED.make,
      [piexif.ImageIFD.Model]: "Planted Model X",
      [piexif.ImageIFD.Orientation]: 6,
      [piexif.ImageIFD.Artist]: "Planted Artist Name",
    },
    Exif: {
      [piexif.ExifIFD.BodySerialNumber]: PLANTED.serial,
      [piexif.ExifIFD.MakerNote]: PLANTED.makerNote,
      [piexif.ExifIFD.DateTimeOriginal]: "2024:05:01 12:34:56",
    },
    GPS: {
      [piexif.GPSIFD.GPSLatitudeRef]: "N",
      [piexif.GPSIFD.GPSLatitude]: [
        [50, 1],
        [51, 1],
        [2345, 100],
      ],
      [piexif.GPSIFD.GPSLongitudeRef]: "E",
      [piexif.GPSIFD.GPSLongitude]: [
        [4, 1],
        [21, 1],
        [1234, 100],
      ],
    },
    "1st": { [piexif.ImageIFD.Compression]: 6 },
    thumbnail: thumbnail.toString("binary"),
  });
  const withExif = Buffer.from(piexif.insert(exif, base.toString("binary")), "binary");

  const xmp = Buffer.concat([
    Buffer.from("http://ns.adobe.com/xap/1.0/\0"),
    Buffer.from(
      `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` +
        `<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>${PLANTED.xmp}</dc:creator>` +
        `</rdf:Description></rdf:RDF></x:xmpmeta>`,
    ),
  ]);
  // IPTC-IIM record 2, dataset 80 (By-line), inside a Photoshop image resource block (0x0404).
  const iim = Buffer.concat([
    Buffer.from([0x1c, 0x02, 0x50, 0x00, PLANTED.iptc.length]),
    Buffer.from(PLANTED.iptc),
  ]);
  const resourceSize = Buffer.alloc(4);
  resourceSize.writeUInt32BE(iim.length);
  const iptc = Buffer.concat([
    Buffer.from("Photoshop 3.0\0"),
    Buffer.from("8BIM"),
    Buffer.from([0x04, 0x04, 0x00, 0x00]),
    resourceSize,
    iim,
    iim.length % 2 ? Buffer.from([0]) : Buffer.alloc(0),
  ]);
  return Buffer.concat([
    withExif.subarray(0, 2),
    segment(0xe1, xmp),
    segment(0xed, iptc),
    segment(0xfe, Buffer.from(PLANTED.comment)),
    withExif.subarray(2),
  ]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A decompression bomb: a valid 1-bit greyscale PNG of `size` × `size` zero pixels. About 50 KB
 * on disk for 20,000 × 20,000, which is 400 million pixels (1.2 GB as RGB) once decoded.
 */
export function pngBomb(size = 20_000): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  const row = Buffer.alloc(1 + Math.ceil(size / 8));
  const rows = Buffer.alloc(row.length * size);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(rows, { level: 9 })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The first half of a valid JPEG: header intact, scan data cut off. */
export async function truncatedJpeg(): Promise<Buffer> {
  const whole = await patternImage(640, 480, "jpeg");
  return whole.subarray(0, Math.floor(whole.length / 2));
}

export const SVG_SCRIPT = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><script>alert(document.cookie)</script><rect width="100" height="100"/></svg>',
);

/**
 * HTML with a real PNG inside it: a browser sniffing it runs the script, and a careless image
 * library scanning for a signature finds a picture. Its first bytes are HTML, so it is refused.
 */
export async function htmlWithPngInside(): Promise<Buffer> {
  const png = await patternImage(32, 32, "png");
  return Buffer.concat([
    Buffer.from("<!doctype html><html><body><script>alert(document.cookie)</script><!--"),
    png,
    Buffer.from("--></body></html>"),
  ]);
}

/** JPEG magic bytes followed by an HTML page: passes a naive signature check, not the decoder. */
export const JPEG_MAGIC_THEN_HTML = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  Buffer.from("<html><body><script>alert(document.cookie)</script></body></html>"),
]);

/**
 * A real JPEG whose comment segment holds an HTML page: it decodes, so it is accepted, and the
 * re-encoding leaves the script behind.
 */
export async function jpegWithHtmlComment(): Promise<Buffer> {
  const jpeg = await patternImage(64, 48, "jpeg");
  return Buffer.concat([
    jpeg.subarray(0, 2),
    segment(0xfe, Buffer.from("<html><script>alert('polyglot')</script></html>")),
    jpeg.subarray(2),
  ]);
}

/** An HEIF container declaring HEVC (HEIC): sniffed as HEIC, which this build cannot decode. */
export const HEIC_HEADER = Buffer.concat([
  Buffer.from([0x00, 0x00, 0x00, 0x18]),
  Buffer.from("ftypheic"),
  Buffer.from([0, 0, 0, 0]),
  Buffer.from("mif1heic"),
  Buffer.alloc(64),
]);

/** Everything a metadata parser finds in `bytes`, plus what sharp reports. Empty means clean. */
export async function metadataFound(bytes: Uint8Array): Promise<string[]> {
  const found: string[] = [];
  const meta = await sharp(bytes).metadata();
  for (const key of ["exif", "xmp", "iptc", "icc", "comments"] as const) {
    if (meta[key] !== undefined) found.push(`sharp:${key}`);
  }
  if (meta.format !== "webp") {
    // exifr reads JPEG, PNG and HEIF (AVIF); every segment it knows, the maker note included.
    const parsed = (await exifr.parse(Buffer.from(bytes), {
      tiff: true,
      ifd1: true,
      exif: true,
      gps: true,
      interop: true,
      makerNote: true,
      userComment: true,
      xmp: true,
      icc: true,
      iptc: true,
      jfif: false,
      ihdr: false,
      mergeOutput: false,
    })) as Record<string, unknown> | undefined;
    for (const [segment, value] of Object.entries(parsed ?? {})) {
      if (value && Object.keys(value as object).length) found.push(`exifr:${segment}`);
    }
    if (await exifr.thumbnail(Buffer.from(bytes))) found.push("exifr:thumbnail");
  } else {
    // WebP keeps metadata in RIFF chunks of its own.
    const text = Buffer.from(bytes).toString("latin1");
    for (const chunk of ["EXIF", "XMP ", "ICCP"]) if (text.includes(chunk)) found.push(chunk);
  }
  const text = Buffer.from(bytes).toString("latin1");
  for (const planted of [PLANTED.make, PLANTED.serial, PLANTED.makerNote, PLANTED.xmp]) {
    if (text.includes(planted)) found.push(planted);
  }
  for (const planted of [PLANTED.iptc, PLANTED.comment, "Photoshop 3.0", "ns.adobe.com"]) {
    if (text.includes(planted)) found.push(planted);
  }
  return found;
}
