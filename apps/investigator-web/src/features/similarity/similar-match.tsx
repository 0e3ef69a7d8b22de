import { similarityLevel, type SimilarImage, type SimilarityLevel } from "@trace/domain";
import { AspectImage } from "@trace/ui/aspect-image";
import { Badge, type BadgeTone } from "@trace/ui/badge";
import { Link } from "wouter";
import { useMessages } from "../../i18n";

export interface SourceImage {
  imageId: string;
  width: number;
  height: number;
  /** "Image 1", "Photo 2": names the picture of this page in captions and alt text. */
  label: string;
}

/** A picture served by the staff listener (the session cookie goes along), boxed to 4:3. */
export function StaffImage({
  imageId,
  width,
  height,
  alt,
}: {
  imageId: string;
  width: number;
  height: number;
  alt: string;
}) {
  return (
    <AspectImage
      src={`/media/${imageId}`}
      alt={alt}
      width={width}
      height={height}
      aspectRatio="4 / 3"
    />
  );
}

const LEVEL_TONES = {
  near_duplicate: "danger",
  similar: "warning",
  different: "neutral",
} as const satisfies Record<SimilarityLevel, BadgeTone>;

/** Distance and what it means, in words first: the colour only reinforces it. */
export function DistanceFacts({ distance }: { distance: number }) {
  const m = useMessages();
  const level = similarityLevel(distance);
  return (
    <>
      <Badge tone={LEVEL_TONES[level]}>{m.similarity.level[level]()}</Badge>
      <span>{m.similarity.distance({ d: distance })}</span>
    </>
  );
}

/**
 * One similar image beside the picture it resembles: the distance, and where the match sits
 * (object, series and case, or the tip it came with). A match in another series is framed and
 * labelled, since that is what an investigator must not miss.
 */
export function SimilarMatch({
  source,
  match,
  seriesId,
}: {
  source: SourceImage;
  match: SimilarImage;
  /** The series of the page's object; null on a tip page, where no series is "other". */
  seriesId: string | null;
}) {
  const m = useMessages();
  const isOtherSeries =
    match.kind === "object" && seriesId !== null && match.series.id !== seriesId;
  const what = match.kind === "object" ? match.object.ref : m.similarity.tipPhoto();
  return (
    <li
      className={
        isOtherSeries ? "iw-similar-match iw-similar-match--other-series" : "iw-similar-match"
      }
      aria-label={m.similarity.compare({ label: source.label, what })}
    >
      <div className="iw-similar-pair">
        <figure>
          <StaffImage {...source} alt={m.similarity.sourceImageAlt({ label: source.label })} />
          <figcaption>{source.label}</figcaption>
        </figure>
        <figure>
          <StaffImage
            imageId={match.imageId}
            width={match.width}
            height={match.height}
            alt={m.similarity.matchImageAlt({ what })}
          />
          <figcaption>{what}</figcaption>
        </figure>
      </div>
      <p className="iw-similar-facts">
        <DistanceFacts distance={match.distance} />
        {match.kind === "object" && seriesId !== null && (
          <Badge tone={isOtherSeries ? "danger" : "neutral"}>
            {isOtherSeries ? m.similarity.otherSeriesBadge() : m.similarity.sameSeries()}
          </Badge>
        )}
      </p>
      {match.kind === "object" ? (
        <p className="iw-similar-where">
          <Link href={`/objects/${match.object.id}`}>
            {m.similarity.objectLink({ ref: match.object.ref, title: match.object.title })}
          </Link>
          {" · "}
          {m.similarity.series({ code: match.series.code, title: match.series.title })}
          {" · "}
          {m.similarity.caseReference({ reference: match.case.reference })}
          {" · "}
          {m.labels.objectStatus[match.object.status]()}
        </p>
      ) : (
        <p className="iw-similar-where">
          <Link href={`/tips/${match.tipId}`}>{m.similarity.openTip()}</Link>
        </p>
      )}
    </li>
  );
}
