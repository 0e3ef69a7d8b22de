import { can, IdSchema, type StaffUser } from "@trace/domain";
import { Alert } from "@trace/ui/alert";
import { Badge } from "@trace/ui/badge";
import { Button } from "@trace/ui/button";
import { Card } from "@trace/ui/card";
import { DataTable } from "@trace/ui/data-table";
import { Field, TextInput } from "@trace/ui/field";
import { Container } from "@trace/ui/page-layout";
import { Spinner } from "@trace/ui/spinner";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link } from "wouter";
import { PageHeading } from "../../app/page-heading";
import { useDocumentTitle } from "../../app/use-document-title";
import { ErrorMessage } from "../../components/error-message";
import { useMessages, useFormat } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { CaseForm } from "./case-form";

export function CaseDetailPage({ id, user }: { id: string; user: StaffUser }) {
  const m = useMessages();
  const format = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const isId = IdSchema.safeParse(id).success;
  const canRead = can(user.role, "case.read");
  const kase = useQuery({ ...trpc.cases.byId.queryOptions({ id }), enabled: isId && canRead });
  useDocumentTitle(kase.data?.reference ?? m.cases.title());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() });
  const update = useMutation(trpc.cases.update.mutationOptions({ onSuccess: refresh }));
  const createSeries = useMutation(
    trpc.series.create.mutationOptions({
      onSuccess: () => {
        void refresh();
        void queryClient.invalidateQueries({ queryKey: trpc.series.pathKey() });
      },
    }),
  );
  const [code, setCode] = useState("");
  const [title, setTitle] = useState("");
  const addSeries = (event: FormEvent) => {
    event.preventDefault();
    createSeries.mutate(
      { caseId: id, code, title },
      {
        onSuccess: () => {
          setCode("");
          setTitle("");
        },
      },
    );
  };
  const canEdit = can(user.role, "case.edit");

  return (
    <Container size="wide">
      <p className="iw-back">
        <Link href="/cases">
          <span aria-hidden="true">← </span>
          {m.cases.detail.backToList()}
        </Link>
      </p>
      <PageHeading>
        {kase.data ? `${kase.data.reference} — ${kase.data.title}` : m.cases.title()}
      </PageHeading>
      {!canRead ? (
        <Alert tone="warning" title={m.cases.forbidden()} />
      ) : !isId || kase.isError ? (
        <Alert tone="warning" title={m.cases.detail.notFound()}>
          <ErrorMessage error={kase.error} />
        </Alert>
      ) : kase.isPending ? (
        <Spinner label={m.cases.detail.loading()} isLabelVisible />
      ) : (
        <>
          <Card as="section" heading={m.cases.detail.series()} headingLevel={2}>
            <DataTable
              caption={m.cases.detail.series()}
              isCaptionHidden
              rows={kase.data.series}
              getRowKey={(s) => s.id}
              emptyMessage={m.cases.detail.noSeries()}
              columns={[
                {
                  key: "code",
                  header: m.cases.detail.code(),
                  isRowHeader: true,
                  render: (s) => (
                    <Link href={`/series/${s.id}`} className="iw-mono">
                      {s.code}
                    </Link>
                  ),
                },
                { key: "title", header: m.cases.detail.seriesTitle(), render: (s) => s.title },
                {
                  key: "status",
                  header: m.cases.series.status(),
                  render: (s) => <Badge>{m.cases.labels.seriesStatus[s.status]()}</Badge>,
                },
                {
                  key: "countries",
                  header: m.cases.series.countries(),
                  render: (s) =>
                    s.suspectedCountries
                      .map(
                        (sc) =>
                          `${format.countryName(sc.country)} (${m.cases.labels.confidence[sc.confidence]()})`,
                      )
                      .join(", "),
                },
                {
                  key: "objects",
                  header: m.cases.series.objects(),
                  align: "end",
                  render: (s) => s.objectCount,
                },
              ]}
            />
            {canEdit && (
              <form onSubmit={addSeries} className="iw-form">
                <h3>{m.cases.detail.newSeries()}</h3>
                <Field label={m.cases.detail.code()} isRequired>
                  {(props) => (
                    <TextInput
                      {...props}
                      maxLength={40}
                      value={code}
                      onChange={(e) => setCode(e.target.value)}
                    />
                  )}
                </Field>
                <Field label={m.cases.detail.seriesTitle()} isRequired>
                  {(props) => (
                    <TextInput
                      {...props}
                      maxLength={200}
                      value={title}
                      onChange={(e) => setTitle(e.target.value)}
                    />
                  )}
                </Field>
                {createSeries.isError && <Alert tone="danger" title={createSeries.error.message} />}
                <Button type="submit" variant="secondary" isLoading={createSeries.isPending}>
                  {m.cases.detail.createSeries()}
                </Button>
              </form>
            )}
          </Card>
          {canEdit && (
            <Card as="section" heading={m.cases.detail.edit()} headingLevel={2}>
              <CaseForm
                key={`${kase.data.reference}-${kase.data.status}-${kase.data.title}`}
                initial={{
                  reference: kase.data.reference,
                  title: kase.data.title,
                  leadAgencyId: kase.data.leadAgency.id,
                  status: kase.data.status,
                }}
                submitLabel={m.cases.form.save()}
                isPending={update.isPending}
                error={update.error}
                onSubmit={(values) => update.mutate({ id, ...values })}
              />
              {update.isSuccess && <p role="status">{m.cases.form.saved()}</p>}
            </Card>
          )}
        </>
      )}
    </Container>
  );
}
