import { AspectImage } from "@trace/ui/aspect-image";
import { Card } from "@trace/ui/card";
import { Spinner } from "@trace/ui/spinner";
import { useMessages } from "../../i18n";
import type { TipDetailView } from "../../lib/trpc";

type TipPhoto = TipDetailView["photos"][number];

function photoSource(photo: TipPhoto): { src: string; srcSet?: string } {
  const jpeg = photo.variants.filter((v) => v.format === "jpeg");
  if (jpeg.length === 0) return { src: `/media/${photo.id}` };
  return {
    src: (jpeg.find((v) => v.width >= 640) ?? jpeg[jpeg.length - 1]!).url,
    srcSet: jpeg.map((v) => `${v.url} ${v.width}w`).join(", "),
  };
}

/**
 * The photos a tipster attached, stripped of metadata on upload. Served by the staff listener
 * only, to those who may read tips; each opens at full size in a new tab.
 */
export function PhotosSection({ photos }: { photos: TipDetailView["photos"] }) {
  const m = useMessages();
  if (photos.length === 0) return null;
  return (
    <Card as="section" heading={m.tip.photos.heading()} headingLevel={2}>
      <ul className="iw-tip-photos">
        {photos.map((photo, index) => (
          <li key={photo.id}>
            {photo.status === "failed" ? (
              <p className="iw-muted">{m.tip.photos.failed({ n: index + 1 })}</p>
            ) : (
              <a href={`/media/${photo.id}`} target="_blank" rel="noreferrer">
                <AspectImage
                  {...photoSource(photo)}
                  sizes="16rem"
                  alt={m.tip.photos.alt({ n: index + 1 })}
                  width={photo.width}
                  height={photo.height}
                />
              </a>
            )}
            {photo.status === "pending" && (
              <Spinner label={m.tip.photos.processing()} isLabelVisible />
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
