import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useEffect } from "react";
import { Link } from "wouter";
import { Alert } from "@trace/ui/alert";
import { AspectImage } from "@trace/ui/aspect-image";
import { Badge } from "@trace/ui/badge";
import { Button } from "@trace/ui/button";
import { Container } from "@trace/ui/page-layout";
import { Spinner } from "@trace/ui/spinner";
import { OBJECT_REF_PATTERN, type PublicObject } from "@trace/domain";
import { useLocale, useMessages } from "../../i18n";
import { classifyApiError } from "../../lib/errors";
import { langOf } from "../../lib/format";
import { ServedTextView } from "../../lib/served-text";
import { pictureProps } from "../../lib/images";
import { publicQueries } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";

/**
 * The tip form, with its validation (zod) and photo upload, is a chunk of its own so the object
 * page's first download stays small. The download starts as soon as the object page mounts,
 * alongside the object's data, so the form is normally ready when the page has drawn.
 */
const loadTipForm = () => import("../tip-form/tip-form");
const TipForm = lazy(() => loadTipForm().then((m) => ({ default: m.TipForm })));

/** The object page shows its images in a grid of columns at least 18rem wide. */
const IMAGE_SIZES = "(min-width: 48rem) 36rem, 100vw";

function ObjectNotFound() {
  const m = useMessages();
  useDocumentTitle(m.object.notFoundTitle());
  return (
    <Container size="narrow" className="app-page app-stack">
      <h1>{m.object.notFoundTitle()}</h1>
      <p>{m.object.notFoundBody()}</p>
      <p>
        <Link href="/objects">{m.object.backToObjects()}</Link>
      </p>
    </Container>
  );
}

function ObjectDetails({ object }: { object: PublicObject }) {
  const m = useMessages();
  const locale = useLocale();
  useDocumentTitle(object.title.text);
  const isOpen = object.status === "open";

  return (
    <Container className="app-page app-stack">
      <p>
        <Link href="/objects">
          <span aria-hidden="true">← </span>
          {m.object.backToObjects()}
        </Link>
      </p>
      <div className="app-stack app-stack--tight">
        <h1>
          <ServedTextView text={object.title} />
        </h1>
        <p className="app-lead">
          <ServedTextView text={object.question} />
        </p>
      </div>

      <dl className="app-facts">
        <div>
          <dt>{m.object.status()}</dt>
          <dd>
            <Badge tone={isOpen ? "info" : "success"}>{m.objectStatuses[object.status]()}</Badge>
          </dd>
        </div>
        <div>
          <dt>{m.object.category()}</dt>
          <dd>{m.categories[object.category]()}</dd>
        </div>
        {object.regionHint && (
          <div>
            <dt>{m.object.regionHint()}</dt>
            <dd>
              <ServedTextView text={object.regionHint} />
            </dd>
          </div>
        )}
        <div>
          <dt>{m.object.reference()}</dt>
          <dd className="app-mono">{object.ref}</dd>
        </div>
      </dl>

      {object.images.length > 0 && (
        <ul className="app-images" aria-label={m.object.imagesLabel()}>
          {object.images.map((image, index) => (
            <li key={image.id}>
              <AspectImage
                {...pictureProps(image)}
                sizes={IMAGE_SIZES}
                alt={image.alt.text}
                lang={langOf(image.alt, locale)}
                width={image.width}
                height={image.height}
                loading={index === 0 ? "eager" : "lazy"}
              />
            </li>
          ))}
        </ul>
      )}

      {isOpen ? (
        <Suspense fallback={<Spinner label={m.common.loading()} isLabelVisible />}>
          <TipForm objectRef={object.ref} />
        </Suspense>
      ) : (
        <Alert tone="success" title={m.object.originFoundTitle()}>
          <p>{m.object.originFoundBody()}</p>
        </Alert>
      )}
    </Container>
  );
}

export function ObjectPage({ objectRef }: { objectRef: string }) {
  const m = useMessages();
  const locale = useLocale();
  const ref = objectRef.trim().toUpperCase();
  const isWellFormed = OBJECT_REF_PATTERN.test(ref);
  useEffect(() => {
    // Only a head start: a failure shows up where the form renders.
    if (isWellFormed) loadTipForm().catch(() => {});
  }, [isWellFormed]);
  const object = useQuery({
    ...publicQueries.objectByRef({ ref, locale }),
    enabled: isWellFormed,
  });

  if (!isWellFormed) return <ObjectNotFound />;
  if (object.isPending) {
    return (
      <Container className="app-page">
        <Spinner label={m.object.loading()} isLabelVisible />
      </Container>
    );
  }
  if (object.isError) {
    const failure = classifyApiError(object.error);
    if (failure.kind === "app" || failure.kind === "validation") return <ObjectNotFound />;
    return (
      <Container className="app-page">
        <Alert tone="danger" title={m.object.loadError()}>
          <p>{failure.kind === "unavailable" ? m.common.unavailable() : m.common.unexpected()}</p>
          <p>
            <Button
              variant="secondary"
              onClick={() => void object.refetch()}
              isLoading={object.isFetching}
            >
              {m.common.retry()}
            </Button>
          </p>
        </Alert>
      </Container>
    );
  }
  return <ObjectDetails object={object.data} />;
}
