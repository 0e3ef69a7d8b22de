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
import { useMessages, useFormat } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { AgencyDeliveryForm } from "./agency-delivery-form";

/** Admins: every agency, how referrals reach it, and its webhook address and signing secret. */
export function AgenciesPage({ user }: { user: StaffUser }) {
  const m = useMessages();
  useDocumentTitle(m.referrals.agencies.title());
  const isAdmin = can(user.role, "agency.manage");
  return (
    <Container size="wide">
      <PageHeading>{m.referrals.agencies.title()}</PageHeading>
      {isAdmin ? <Agencies /> : <Alert tone="warning" title={m.referrals.agencies.forbidden()} />}
    </Container>
  );
}

function Agencies() {
  const m = useMessages();
  const format = useFormat();
  const trpc = useTRPC();
  const agencies = useQuery(trpc.agencies.list.queryOptions());
  const [editingId, setEditingId] = useState<string | null>(null);

  if (agencies.isPending) return <Spinner label={m.referrals.agencies.loading()} isLabelVisible />;
  if (agencies.isError)
    return <ErrorAlert title={m.referrals.agencies.loadError()} error={agencies.error} />;
  const editing = agencies.data.find((agency) => agency.id === editingId);
  return (
    <>
      <DataTable<AgencyDeliveryView>
        caption={m.referrals.agencies.tableCaption()}
        isCaptionHidden
        rows={agencies.data}
        getRowKey={(agency) => agency.id}
        columns={[
          {
            key: "code",
            header: m.referrals.agencies.columns.code(),
            isRowHeader: true,
            render: (agency) => <span className="iw-mono iw-nowrap">{agency.code}</span>,
          },
          {
            key: "name",
            header: m.referrals.agencies.columns.name(),
            render: (agency) => (
              <>
                {agency.name}
                {!agency.isActive && (
                  <span className="iw-cell-secondary">{m.referrals.agencies.inactive()}</span>
                )}
              </>
            ),
          },
          {
            key: "country",
            header: m.referrals.agencies.columns.country(),
            render: (agency) =>
              agency.country
                ? format.countryName(agency.country)
                : m.referrals.agencies.international(),
          },
          {
            key: "channel",
            header: m.referrals.agencies.columns.channel(),
            render: (agency) => m.referrals.labels.channel[agency.deliveryChannel](),
          },
          {
            key: "url",
            header: m.referrals.agencies.columns.webhookUrl(),
            render: (agency) =>
              agency.webhookUrl ? (
                <span className="iw-mono">{agency.webhookUrl}</span>
              ) : (
                <span className="iw-muted">{m.app.notGiven()}</span>
              ),
          },
          {
            key: "secret",
            header: m.referrals.agencies.columns.secret(),
            render: (agency) =>
              agency.hasWebhookSecret
                ? m.referrals.agencies.secretSet()
                : m.referrals.agencies.secretNotSet(),
          },
          {
            key: "actions",
            header: m.referrals.agencies.columns.actions(),
            render: (agency) => (
              <Button
                variant="secondary"
                size="small"
                aria-label={m.referrals.agencies.editLabel({ code: agency.code })}
                aria-expanded={agency.id === editingId}
                onClick={() => setEditingId(agency.id === editingId ? null : agency.id)}
              >
                {m.referrals.agencies.edit()}
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
