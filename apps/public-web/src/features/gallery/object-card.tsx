import { Link } from "wouter";
import { AspectImage } from "@trace/ui/aspect-image";
import { Badge } from "@trace/ui/badge";
import { Card } from "@trace/ui/card";
import type { PublicObjectSummary } from "@trace/domain";
import { useLocale, useMessages } from "../../i18n";
import { langOf } from "../../lib/format";
import { pictureProps } from "../../lib/images";
import { ServedTextView } from "../../lib/served-text";

/** A card's width: the gallery grid's column, full width on a phone. */
const CARD_SIZES = "(min-width: 64rem) 22rem, (min-width: 40rem) 50vw, 100vw";

export function ObjectCard({ object }: { object: PublicObjectSummary }) {
  const m = useMessages();
  const locale = useLocale();
  const { cover, title, regionHint } = object;
  return (
    <Card
      as="article"
      className="app-object-card"
      headingLevel={2}
      heading={
        <Link href={`/objects/${object.ref}`}>
          <ServedTextView text={title} />
        </Link>
      }
      media={
        cover ? (
          <AspectImage
            {...pictureProps(cover)}
            sizes={CARD_SIZES}
            alt={cover.alt.text}
            lang={langOf(cover.alt, locale)}
            width={cover.width}
            height={cover.height}
            aspectRatio="4 / 3"
          />
        ) : undefined
      }
    >
      <p className="app-badges">
        <Badge>{m.categories[object.category]()}</Badge>
        {object.status === "origin_found" && (
          <Badge tone="success">{m.objectStatuses.origin_found()}</Badge>
        )}
      </p>
      {regionHint && (
        <p className="app-muted">
          {m.gallery.regionHint.rich({ hint: <ServedTextView text={regionHint} /> })}
        </p>
      )}
    </Card>
  );
}
