import { AspectImage } from "@trace/ui/aspect-image";
import { Card } from "@trace/ui/card";
import { t } from "../../i18n";
import type { TipDetailView } from "../../lib/trpc";

type TipObject = NonNullable<TipDetailView["object"]>;

export function ObjectSection({ object }: { object: TipObject | null }) {
  const o = t.tip.object;
  if (!object) {
    return (
      <Card as="section" heading={o.heading} headingLevel={2}>
        <p>{o.general}</p>
      </Card>
    );
  }
  return (
    <Card
      as="section"
      heading={o.heading}
      headingLevel={2}
      media={
        object.coverImageId ? (
          // Served by the staff listener to signed-in staff only; the cookie goes with the request.
          <AspectImage
            src={`/media/${object.coverImageId}`}
            alt={o.imageAlt(object.ref)}
            width={640}
            height={480}
            aspectRatio="4 / 3"
          />
        ) : undefined
      }
    >
      <dl className="iw-dl">
        <div>
          <dt>{o.ref}</dt>
          <dd className="iw-mono">{object.ref}</dd>
        </div>
        <div>
          <dt>{o.title}</dt>
          <dd>{object.title}</dd>
        </div>
        <div>
          <dt>{o.category}</dt>
          <dd>{t.labels.objectCategory[object.category]}</dd>
        </div>
        <div>
          <dt>{o.status}</dt>
          <dd>{t.labels.objectStatus[object.status]}</dd>
        </div>
      </dl>
      {!object.coverImageId && <p className="iw-muted">{o.noImage}</p>}
    </Card>
  );
}
