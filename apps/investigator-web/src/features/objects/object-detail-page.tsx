import { can, IdSchema, type StaffUser } from "@trace/domain";
import { Alert } from "@trace/ui/alert";
import { Badge } from "@trace/ui/badge";
import { Card } from "@trace/ui/card";
import { Container } from "@trace/ui/page-layout";
import { Spinner } from "@trace/ui/spinner";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "wouter";
import { PageHeading } from "../../app/page-heading";
import { useDocumentTitle } from "../../app/use-document-title";
import { ErrorAlert } from "../../components/error-message";
import { useMessages, useFormat } from "../../i18n";
import { errorCode } from "../../lib/errors";
import { useTRPC, type StaffOutputs } from "../../lib/trpc";
import { ImagesSection } from "./images-section";
import { LifecycleSection } from "./lifecycle-section";
import { ObjectForm } from "./object-form";
import { ObjectSimilarityPanel, SimilarityNotice } from "../similarity/object-similarity-panel";

export type StaffObjectView = StaffOutputs["objects"]["byId"];

export function ObjectDetailPage({ id, user }: { id: string; user: StaffUser }) {
  const m = useMessages();
  const trpc = useTRPC();
  const isId = IdSchema.safeParse(id).success;
  const canRead = can(user.role, "object.read");
  const object = useQuery({
    ...trpc.objects.byId.queryOptions({ id }),
    enabled: isId && canRead,
  });
  useDocumentTitle(object.data?.title.en ?? m.objects.title());
  const code = errorCode(object.error);

  let body;
  if (!canRead || code === "FORBIDDEN")
    body = <Alert tone="warning" title={m.objects.forbidden()} />;
  else if (!isId || code === "NOT_FOUND")
    body = <Alert tone="warning" title={m.objects.detail.notFound()} />;
  else if (object.isError)
    body = (
      <ErrorAlert
        title={m.objects.detail.loadError()}
        error={object.error}
        onRetry={() => void object.refetch()}
      />
    );
  else if (object.isPending) body = <Spinner label={m.objects.detail.loading()} isLabelVisible />;
  else body = <ObjectView object={object.data} user={user} />;

  return (
    <Container size="wide">
      <p className="iw-back">
        <Link href="/objects">
          <span aria-hidden="true">← </span>
          {m.objects.detail.backToList()}
        </Link>
      </p>
      {object.data ? (
        <PageHeading>{object.data.title.en}</PageHeading>
      ) : (
        <PageHeading>{m.objects.title()}</PageHeading>
      )}
      {body}
    </Container>
  );
}

function ObjectView({ object, user }: { object: StaffObjectView; user: StaffUser }) {
  const m = useMessages();
  const format = useFormat();
  const isDraft = object.status === "draft";
  const canEdit = can(user.role, "object.edit");
  return (
    <div className="iw-detail-grid">
      <div className="iw-detail-grid__main">
        {object.images.length > 0 && <SimilarityNotice objectId={object.id} />}
        <Card as="section" heading={m.objects.detail.facts()} headingLevel={2}>
          <dl className="iw-dl">
            <div>
              <dt>{m.objects.detail.status()}</dt>
              <dd>
                <Badge>{m.labels.objectStatus[object.status]()}</Badge>
              </dd>
            </div>
            <div>
              <dt>{m.objects.detail.ref()}</dt>
              <dd className="iw-mono">{object.ref}</dd>
            </div>
            <div>
              <dt>{m.objects.detail.category()}</dt>
              <dd>{m.labels.objectCategory[object.category]()}</dd>
            </div>
            <div>
              <dt>{m.objects.detail.series()}</dt>
              <dd>
                <span className="iw-mono">{object.series.code}</span> — {object.series.title}
              </dd>
            </div>
            <div>
              <dt>{m.objects.detail.question()}</dt>
              <dd>{object.question.en}</dd>
            </div>
            {object.regionHint && (
              <div>
                <dt>{m.objects.detail.regionHint()}</dt>
                <dd>{object.regionHint.en}</dd>
              </div>
            )}
            <div>
              <dt>{m.objects.detail.author()}</dt>
              <dd>{object.author.displayName}</dd>
            </div>
            {object.approvedBy && (
              <div>
                <dt>{m.objects.detail.approvedBy()}</dt>
                <dd>{object.approvedBy.displayName}</dd>
              </div>
            )}
            {object.publishAt && object.status === "approved" && (
              <div>
                <dt>{m.objects.detail.publishAt()}</dt>
                <dd>{format.dateTime(object.publishAt)}</dd>
              </div>
            )}
            {object.publishedAt && (
              <div>
                <dt>{m.objects.detail.publishedAt()}</dt>
                <dd>{format.dateTime(object.publishedAt)}</dd>
              </div>
            )}
            {object.withdrawnReason && (
              <div>
                <dt>{m.objects.detail.withdrawnReason()}</dt>
                <dd>{object.withdrawnReason}</dd>
              </div>
            )}
          </dl>
        </Card>
        <ImagesSection object={object} canEdit={isDraft && canEdit} />
        {object.images.length > 0 && (
          <ObjectSimilarityPanel
            objectId={object.id}
            imagesKey={object.images.map((image) => `${image.id}:${image.status}`).join()}
          />
        )}
        {isDraft && canEdit ? (
          <EditSection object={object} />
        ) : (
          canEdit && <p className="iw-muted">{m.objects.form.onlyDraft()}</p>
        )}
      </div>
      <div className="iw-detail-grid__side">
        <LifecycleSection object={object} user={user} />
      </div>
    </div>
  );
}

function EditSection({ object }: { object: StaffObjectView }) {
  const m = useMessages();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(
    trpc.objects.update.mutationOptions({
      onSuccess: (data) => {
        queryClient.setQueryData(trpc.objects.byId.queryKey({ id: object.id }), data);
        void queryClient.invalidateQueries({ queryKey: trpc.objects.list.queryKey() });
      },
    }),
  );
  return (
    <Card as="section" heading={m.objects.form.editHeading()} headingLevel={2}>
      <ObjectForm
        key={object.updatedAt}
        initial={{
          seriesId: object.series.id,
          category: object.category,
          title: object.title,
          question: object.question,
          regionHint: object.regionHint,
        }}
        submitLabel={m.objects.form.save()}
        isPending={update.isPending}
        error={update.error}
        onSubmit={(content) => update.mutate({ id: object.id, ...content })}
      />
      {update.isSuccess && <p role="status">{m.objects.form.saved()}</p>}
    </Card>
  );
}
