import { similarityLevel, type SimilarObjectImage } from "@trace/domain";
import { Alert } from "@trace/ui/alert";
import { Card } from "@trace/ui/card";
import { Spinner } from "@trace/ui/spinner";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { Link } from "wouter";
import { ErrorAlert } from "../../components/error-message";
import { useMessages } from "../../i18n";
import { useTRPC, type StaffOutputs } from "../../lib/trpc";
import { SimilarMatch } from "./similar-match";
import "./similarity.css";

type ObjectSimilarityView = StaffOutputs["similarity"]["forObject"];

/**
 * "Has this been seen before?" on an object's page: for each of its images, the images anywhere
 * in Trace that look the same, nearest first. Matches in another series are framed and labelled,
 * and `SimilarityNotice` repeats them at the top of the page: the same room in two series may
 * link two productions.
 */
export function ObjectSimilarityPanel({
  objectId,
  imagesKey,
}: {
  objectId: string;
  /** Changes when an image is added, removed or finishes processing (and so gets its hash). */
  imagesKey: string;
}) {
  const m = useMessages();
  const trpc = useTRPC();
  const similarity = useQuery(trpc.similarity.forObject.queryOptions({ id: objectId }));
  const { refetch } = similarity;
  const shownKey = useRef(imagesKey);
  useEffect(() => {
    if (shownKey.current === imagesKey) return;
    shownKey.current = imagesKey;
    void refetch();
  }, [imagesKey, refetch]);

  let body;
  if (similarity.isPending) body = <Spinner label={m.similarity.loading()} isLabelVisible />;
  else if (similarity.isError)
    body = (
      <ErrorAlert
        title={m.similarity.loadError()}
        error={similarity.error}
        onRetry={() => void similarity.refetch()}
      />
    );
  else body = <SimilarityView similarity={similarity.data} />;

  return (
    <Card as="section" heading={m.similarity.objectHeading()} headingLevel={2}>
      {body}
    </Card>
  );
}

/**
 * One entry per other object, its nearest image: those of another series within the searched
 * distance, and those of the same series only when near-same (a duplicate upload).
 */
function objectsToFlag(similarity: ObjectSimilarityView): {
  otherSeries: SimilarObjectImage[];
  duplicates: SimilarObjectImage[];
} {
  const byObject = new Map<string, SimilarObjectImage>();
  for (const image of similarity.images) {
    for (const match of image.matches) {
      if (match.kind !== "object") continue;
      const known = byObject.get(match.object.id);
      if (!known || match.distance < known.distance) byObject.set(match.object.id, match);
    }
  }
  const nearest = [...byObject.values()].sort((a, b) => a.distance - b.distance);
  return {
    otherSeries: nearest.filter((m) => m.series.id !== similarity.series.id),
    duplicates: nearest.filter(
      (m) =>
        m.series.id === similarity.series.id && similarityLevel(m.distance) === "near_duplicate",
    ),
  };
}

/**
 * The warnings at the top of an object's page: an image of it was seen in another series, or the
 * same picture is already in another object. Nothing otherwise (and nothing while loading; the
 * panel below reports failures).
 */
export function SimilarityNotice({ objectId }: { objectId: string }) {
  const m = useMessages();
  const trpc = useTRPC();
  const similarity = useQuery(trpc.similarity.forObject.queryOptions({ id: objectId }));
  if (!similarity.data) return null;
  const { otherSeries, duplicates } = objectsToFlag(similarity.data);
  return (
    <>
      {otherSeries.length > 0 && (
        <Alert tone="danger" title={m.similarity.otherSeriesAlert()} className="iw-similar-notice">
          <ul className="iw-similar-warnings">
            {otherSeries.map((match) => (
              <li key={match.object.id}>
                <Link href={`/objects/${match.object.id}`}>
                  {m.similarity.otherSeries({
                    ref: match.object.ref,
                    series: match.series.code,
                    reference: match.case.reference,
                  })}
                </Link>{" "}
                ({m.similarity.distance({ d: match.distance })})
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {duplicates.length > 0 && (
        <Alert tone="warning" title={m.similarity.duplicateAlert()} className="iw-similar-notice">
          <ul className="iw-similar-warnings">
            {duplicates.map((match) => (
              <li key={match.object.id}>
                <Link href={`/objects/${match.object.id}`}>
                  {m.similarity.objectLink({ ref: match.object.ref, title: match.object.title })}
                </Link>{" "}
                ({m.similarity.distance({ d: match.distance })})
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </>
  );
}

function SimilarityView({ similarity }: { similarity: ObjectSimilarityView }) {
  const m = useMessages();
  return (
    <>
      <p className="iw-muted iw-similar-intro">
        {m.similarity.intro({ maxDistance: similarity.maxDistance })}
      </p>
      {similarity.images.map((image) => {
        const label = m.similarity.imageLabel({ position: image.position + 1 });
        return (
          <section key={image.imageId} className="iw-similar-source" aria-label={label}>
            <h3>
              {label}
              {image.hash !== null &&
                image.matches.length > 0 &&
                ` — ${m.similarity.matchCount({ n: image.matches.length })}`}
            </h3>
            {image.hash === null ? (
              <p className="iw-muted">{m.similarity.notIndexed()}</p>
            ) : image.matches.length === 0 ? (
              <p className="iw-muted">{m.similarity.noMatches()}</p>
            ) : (
              <ul className="iw-similar-list">
                {image.matches.map((match) => (
                  <SimilarMatch
                    key={match.imageId}
                    source={{
                      imageId: image.imageId,
                      width: image.width,
                      height: image.height,
                      label,
                    }}
                    match={match}
                    seriesId={similarity.series.id}
                  />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}
