import { AspectImage } from "@trace/ui/aspect-image";
import { Card } from "@trace/ui/card";
import { useMessages } from "../../i18n";
import type { TipDetailView } from "../../lib/trpc";

type TipObject = NonNullable<TipDetailView["object"]>;

export function ObjectSection({ object }: { object: TipObject | null }) {
  const m = useMessages();
  if (!object) {
    return (
      <Card as="section" heading={m.tip.object.heading()} headingLevel={2}>
        <p>{m.tip.object.general()}</p>
      </Card>
    );
  }
  return (
    <Card
      as="section"
      heading={m.tip.object.heading()}
      headingLevel={2}
      media={
        object.coverImageId ? (
          // Served by the staff listener to signed-in staff only; the cookie goes with the request.
          <AspectImage
            src={`/media/${object.coverImageId}`}
            alt={m.tip.object.imageAlt({ ref: object.ref })}
            width={640}
            height={480}
            aspectRatio="4 / 3"
          />
        ) : undefined
      }
    >
      <dl className="iw-dl">
        <div>
          <dt>{m.tip.object.ref()}</dt>
          <dd className="iw-mono">{object.ref}</dd>
        </div>
        <div>
          <dt>{m.tip.object.title()}</dt>
          <dd>{object.title}</dd>
        </div>
        <div>
          <dt>{m.tip.object.category()}</dt>
          <dd>{m.labels.objectCategory[object.category]()}</dd>
        </div>
        <div>
          <dt>{m.tip.object.status()}</dt>
          <dd>{m.labels.objectStatus[object.status]()}</dd>
        </div>
      </dl>
      {!object.coverImageId && <p className="iw-muted">{m.tip.object.noImage()}</p>}
    </Card>
  );
}
