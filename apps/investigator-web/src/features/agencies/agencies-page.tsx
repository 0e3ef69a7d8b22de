import { can, type AgencyDeliveryView, type StaffUser } from "@trace/domain";
import { Alert } from "@trace/ui/alert";
import { Button } from "@trace/ui/button";
import { DataTable } from "@trace/ui/data-table";
import { Container } from "@trace/ui/page-layout";
import { Spinner } from "@trace/ui/spinner";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { PageHeading } from "../../app/page-heading";
import { useDocumentTitle } from "../../app/use-document-title";
import { ErrorAlert } from "../../components/error-message";
import { format, t } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { AgencyDeliveryForm } from "./agency-delivery-form";

/** Admins: every agency, how referrals reach it, and its webhook address and signing secret. */
export function AgenciesPage({ user }: { user: StaffUser }) {
  const a = t.referrals.agencies;
  useDocumentTitle(a.title);
  const isAdmin = can(user.role, "agency.manage");
  return (
    <Container size="wide">
      <PageHeading>{a.title}</PageHeading>
      {isAdmin ? <Agencies /> : <Alert tone="warning" title={a.forbidden} />}
    </Container>
  );
}

function Agencies() {
  const a = t.referrals.agencies;
  const c = a.columns;
  const trpc = useTRPC();
  const agencies = useQuery(trpc.agencies.list.queryOptions());
  const [editingId, setEditingId] = useState<string | null>(null);

  if (agencies.isPending) return <Spinner label={a.loading} isLabelVisible />;
  if (agencies.isError) return <ErrorAlert title={a.loadError} error={agencies.error} />;
  const editing = agencies.data.find((agency) => agency.id === editingId);
  return (
    <>
      <DataTable<AgencyDeliveryView>
        caption={a.tableCaption}
        isCaptionHidden
        rows={agencies.data}
        getRowKey={(agency) => agency.id}
        columns={[
          {
            key: "code",
            header: c.code,
            isRowHeader: true,
            render: (agency) => <span className="iw-mono iw-nowrap">{agency.code}</span>,
          },
          {
            key: "name",
            header: c.name,
            render: (agency) => (
              <>
                {agency.name}
                {!agency.isActive && <span className="iw-cell-secondary">{a.inactive}</span>}
              </>
            ),
          },
          {
            key: "country",
            header: c.country,
            render: (agency) =>
              agency.country ? format.countryName(agency.country) : a.international,
          },
          {
            key: "channel",
            header: c.channel,
            render: (agency) => t.referrals.labels.channel[agency.deliveryChannel],
          },
          {
            key: "url",
            header: c.webhookUrl,
            render: (agency) =>
              agency.webhookUrl ? (
                <span className="iw-mono">{agency.webhookUrl}</span>
              ) : (
                <span className="iw-muted">{t.app.notGiven}</span>
              ),
          },
          {
            key: "secret",
            header: c.secret,
            render: (agency) => (agency.hasWebhookSecret ? a.secretSet : a.secretNotSet),
          },
          {
            key: "actions",
            header: c.actions,
            render: (agency) => (
              <Button
                variant="secondary"
                size="small"
                aria-label={a.editLabel(agency.code)}
                aria-expanded={agency.id === editingId}
                onClick={() => setEditingId(agency.id === editingId ? null : agency.id)}
              >
                {a.edit}
              </Button>
            ),
          },
        ]}
      />
      {editing && (
        <AgencyDeliveryForm key={editing.id} agency={editing} onClose={() => setEditingId(null)} />
      )}
    </>
  );
}
