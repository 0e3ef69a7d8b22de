/** What an upload may be; configured once (apps/api/src/env.ts) and shared by every upload route. */
export interface ImageLimits {
  /** The largest file accepted, in bytes. */
  maxUploadBytes: number;
  /**
   * The most pixels (width × height) an image may declare in its header. Checked before any
   * decoding, so a small file that would expand to gigabytes (a decompression bomb) is refused at
   * once; the decoder enforces the same bound as a second line.
   */
  maxPixels: number;
}

export const DEFAULT_IMAGE_LIMITS: ImageLimits = {
  maxUploadBytes: 15 * 1024 * 1024,
  // 50 MP: a full-resolution photo from any current phone or camera, about 150 MB once decoded.
  maxPixels: 50_000_000,
};
