import { Card } from "@trace/ui/card";
import { Spinner } from "@trace/ui/spinner";
import { useQuery } from "@tanstack/react-query";
import { ErrorAlert } from "../../components/error-message";
import { useMessages } from "../../i18n";
import { useTRPC, type StaffOutputs } from "../../lib/trpc";
import { DistanceFacts, SimilarMatch, StaffImage } from "./similar-match";
import "./similarity.css";

type TipSimilarityView = StaffOutputs["similarity"]["forTip"];
type PhotoView = TipSimilarityView["photos"][number];

/**
 * On a tip with photos: how far each photo is from the images of the object the tip is about
 * (a tipster's photo of "the same bag" can be checked at a glance), and which images anywhere
 * else in Trace it resembles.
 */
export function TipSimilarityPanel({ tipId }: { tipId: string }) {
  const m = useMessages();
  const trpc = useTRPC();
  const similarity = useQuery(trpc.similarity.forTip.queryOptions({ id: tipId }));

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
  else
    body = (
      <>
        <p className="iw-muted iw-similar-intro">
          {m.similarity.intro({ maxDistance: similarity.data.maxDistance })}
        </p>
        {similarity.data.photos.map((photo) => (
          <PhotoSimilarity key={photo.photoId} photo={photo} similarity={similarity.data} />
        ))}
      </>
    );

  return (
    <Card as="section" heading={m.similarity.tipHeading()} headingLevel={2}>
      {body}
    </Card>
  );
}

function PhotoSimilarity({
  photo,
  similarity,
}: {
  photo: PhotoView;
  similarity: TipSimilarityView;
}) {
  const m = useMessages();
  const label = m.similarity.photoLabel({ position: photo.position + 1 });
  const source = { imageId: photo.photoId, width: photo.width, height: photo.height, label };
  if (photo.hash === null) {
    return (
      <section className="iw-similar-source" aria-label={label}>
        <h3>{label}</h3>
        <p className="iw-muted">{m.similarity.notIndexed()}</p>
      </section>
    );
  }
  return (
    <section className="iw-similar-source" aria-label={label}>
      <h3>{label}</h3>
      {similarity.object === null ? (
        <p className="iw-muted">{m.similarity.generalTip()}</p>
      ) : (
        <>
          <h4>{m.similarity.toObjectHeading({ ref: similarity.object.ref })}</h4>
          {photo.toObject.length === 0 ? (
            <p className="iw-muted">{m.similarity.toObjectNone()}</p>
          ) : (
            <ul className="iw-similar-list">
              {photo.toObject.map((image) => {
                const imageLabel = `${similarity.object!.ref} · ${m.similarity.imageLabel({ position: image.position + 1 })}`;
                return (
                  <li
                    key={image.imageId}
                    className="iw-similar-match"
                    aria-label={m.similarity.compare({ label, what: imageLabel })}
                  >
                    <div className="iw-similar-pair">
                      <figure>
                        <StaffImage {...source} alt={m.similarity.sourceImageAlt({ label })} />
                        <figcaption>{label}</figcaption>
                      </figure>
                      <figure>
                        <StaffImage
                          imageId={image.imageId}
                          width={image.width}
                          height={image.height}
                          alt={m.similarity.matchImageAlt({ what: imageLabel })}
                        />
                        <figcaption>{imageLabel}</figcaption>
                      </figure>
                    </div>
                    <p className="iw-similar-facts">
                      <DistanceFacts distance={image.distance} />
                    </p>
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
      <h4>{m.similarity.elsewhereHeading()}</h4>
      {photo.matches.length === 0 ? (
        <p className="iw-muted">{m.similarity.noMatches()}</p>
      ) : (
        <ul className="iw-similar-list">
          {photo.matches.map((match) => (
            <SimilarMatch key={match.imageId} source={source} match={match} seriesId={null} />
          ))}
        </ul>
      )}
    </section>
  );
}
