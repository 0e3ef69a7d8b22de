import { can, type StaffUser } from "@trace/domain";
import { Alert } from "@trace/ui/alert";
import { Badge } from "@trace/ui/badge";
import { Card } from "@trace/ui/card";
import { DataTable } from "@trace/ui/data-table";
import { Container } from "@trace/ui/page-layout";
import { Spinner } from "@trace/ui/spinner";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useLocation } from "wouter";
import { PageHeading } from "../../app/page-heading";
import { useDocumentTitle } from "../../app/use-document-title";
import { ErrorAlert } from "../../components/error-message";
import { useMessages } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { CaseForm } from "./case-form";

export function CasesPage({ user }: { user: StaffUser }) {
  const m = useMessages();
  useDocumentTitle(m.cases.title());
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const canRead = can(user.role, "case.read");
  const cases = useQuery({ ...trpc.cases.list.queryOptions(), enabled: canRead });
  const create = useMutation(
    trpc.cases.create.mutationOptions({
      onSuccess: (kase) => {
        // The list is cached for 30 s: without this, "Back to cases" would not show the new case.
        void queryClient.invalidateQueries({ queryKey: trpc.cases.list.queryKey() });
        navigate(`/cases/${kase.id}`);
      },
    }),
  );
  return (
    <Container size="wide">
      <PageHeading>{m.cases.title()}</PageHeading>
      {!canRead ? (
        <Alert tone="warning" title={m.cases.forbidden()} />
      ) : cases.isPending ? (
        <Spinner label={m.cases.loading()} isLabelVisible />
      ) : cases.isError ? (
        <ErrorAlert title={m.cases.loadError()} error={cases.error} />
      ) : (
        <DataTable
          caption={m.cases.tableCaption()}
          isCaptionHidden
          rows={cases.data}
          getRowKey={(row) => row.id}
          emptyMessage={m.cases.empty()}
          columns={[
            {
              key: "reference",
              header: m.cases.columns.reference(),
              isRowHeader: true,
              render: (row) => (
                <Link href={`/cases/${row.id}`} className="iw-mono">
                  {row.reference}
                </Link>
              ),
            },
            { key: "title", header: m.cases.columns.title(), render: (row) => row.title },
            {
              key: "agency",
              header: m.cases.columns.leadAgency(),
              render: (row) => row.leadAgency.code,
            },
            {
              key: "status",
              header: m.cases.columns.status(),
              render: (row) => <Badge>{m.cases.labels.caseStatus[row.status]()}</Badge>,
            },
            {
              key: "series",
              header: m.cases.columns.series(),
              align: "end",
              render: (row) => row.seriesCount,
            },
          ]}
        />
      )}
      {can(user.role, "case.edit") && (
        <Card as="section" heading={m.cases.newCase()} headingLevel={2}>
          <CaseForm
            submitLabel={m.cases.form.create()}
            isPending={create.isPending}
            error={create.error}
            onSubmit={(values) => create.mutate(values)}
          />
        </Card>
      )}
    </Container>
  );
}
