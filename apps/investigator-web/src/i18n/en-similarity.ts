import type { SimilarityLevel } from "@trace/domain";

const count = new Intl.NumberFormat("en");

/** Strings of the "similar images" panels on the object and tip pages. */
export const similarityMessages = {
  objectHeading: "Similar images",
  tipHeading: "Similar images",
  intro: (maxDistance: number) =>
    `Images anywhere in Trace whose perceptual hash differs from this one in at most ${maxDistance} of 64 bits: 0 is the same picture, up to about 10 the same picture resized, re-saved or slightly cropped.`,
  loading: "Looking for similar images…",
  loadError: "The similar images could not be loaded.",
  imageLabel: (position: number) => `Image ${position}`,
  photoLabel: (position: number) => `Photo ${position}`,
  notIndexed: "Not compared yet: the image is still being processed.",
  noMatches: "No similar image anywhere in Trace.",
  matchCount: (n: number) => `${count.format(n)} similar ${n === 1 ? "image" : "images"}`,
  distance: (d: number) => `Distance ${d} of 64`,
  level: {
    near_duplicate: "Same or near-same picture",
    similar: "Similar",
    different: "Different",
  } satisfies Record<SimilarityLevel, string>,
  otherSeriesAlert: "Seen in another series",
  duplicateAlert: "The same or a near-same picture is already in this series",
  otherSeries: (ref: string, series: string, reference: string) =>
    `May be the same room or object as ${ref} in series ${series} (case ${reference}).`,
  sameSeries: "Same series",
  otherSeriesBadge: "Other series",
  objectLink: (ref: string, title: string) => `${ref} — ${title}`,
  series: (code: string, title: string) => `Series ${code}: ${title}`,
  caseReference: (reference: string) => `Case ${reference}`,
  tipPhoto: "Photo sent with a tip",
  openTip: "Open the tip",
  thisImage: "This image",
  thisPhoto: "This photo",
  matchImageAlt: (what: string) => `Similar image: ${what}`,
  sourceImageAlt: (label: string) => `${label} of this record`,
  compare: (label: string, what: string) => `${label} beside ${what}`,
  toObjectHeading: (ref: string) => `Compared with the images of ${ref}`,
  toObjectNone: "The object has no compared image yet.",
  elsewhereHeading: "Similar images elsewhere",
  generalTip: "A general tip: there is no object to compare with.",
};
