import { can, type StaffAccount, type StaffUser } from "@trace/domain";
import { Alert } from "@trace/ui/alert";
import { Button } from "@trace/ui/button";
import { DataTable, type DataTableColumn } from "@trace/ui/data-table";
import { Container } from "@trace/ui/page-layout";
import { Spinner } from "@trace/ui/spinner";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { PageHeading } from "../../app/page-heading";
import { useDocumentTitle } from "../../app/use-document-title";
import { ErrorAlert } from "../../components/error-message";
import { useMessages } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { ChangeRoleForm } from "./change-role-form";
import { CreateAccountForm } from "./create-account-form";

/** Admins only: the accounts, a form for a new one, role changes, disable/enable and second-factor resets. */
export function StaffAccountsPage({ user }: { user: StaffUser }) {
  const m = useMessages();
  useDocumentTitle(m.staffAccounts.title());
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const isAdmin = can(user.role, "staff.manage");
  const accounts = useQuery({ ...trpc.staffAccounts.list.queryOptions(), enabled: isAdmin });
  const agencies = useQuery({ ...trpc.staffAccounts.agencies.queryOptions(), enabled: isAdmin });
  const refresh = () => queryClient.invalidateQueries(trpc.staffAccounts.list.queryFilter());
  const setDisabled = useMutation(
    trpc.staffAccounts.setDisabled.mutationOptions({ onSuccess: refresh }),
  );
  const reset = useMutation(
    trpc.staffAccounts.resetSecondFactor.mutationOptions({ onSuccess: refresh }),
  );

  if (!isAdmin)
    return (
      <Container>
        <PageHeading>{m.staffAccounts.title()}</PageHeading>
        <Alert tone="warning" title={m.forbidden.staffAccounts()} />
      </Container>
    );

  const agencyName = new Map((agencies.data ?? []).map((a) => [a.id, `${a.code} — ${a.name}`]));
  const columns: DataTableColumn<StaffAccount>[] = [
    {
      key: "name",
      header: m.staffAccounts.columns.name(),
      isRowHeader: true,
      render: (a) => a.displayName,
    },
    { key: "email", header: m.staffAccounts.columns.email(), render: (a) => a.email },
    { key: "role", header: m.staffAccounts.columns.role(), render: (a) => m.labels.role[a.role]() },
    {
      key: "agency",
      header: m.staffAccounts.columns.agency(),
      render: (a) => (a.agencyId ? (agencyName.get(a.agencyId) ?? a.agencyId) : ""),
    },
    {
      key: "factor",
      header: m.staffAccounts.columns.secondFactor(),
      render: (a) =>
        a.hasSecondFactor ? m.staffAccounts.enrolled() : m.staffAccounts.notEnrolled(),
    },
    {
      key: "status",
      header: m.staffAccounts.columns.status(),
      render: (a) => (a.isDisabled ? m.staffAccounts.disabled() : m.staffAccounts.active()),
    },
    {
      key: "actions",
      header: m.staffAccounts.columns.actions(),
      render: (a) =>
        a.id === user.id ? (
          m.staffAccounts.you()
        ) : (
          <div className="iw-row-actions">
            <Button
              variant="secondary"
              size="small"
              aria-label={
                a.isDisabled
                  ? m.staffAccounts.enable({ name: a.displayName })
                  : m.staffAccounts.disable({ name: a.displayName })
              }
              onClick={() => setDisabled.mutate({ id: a.id, isDisabled: !a.isDisabled })}
            >
              {a.isDisabled ? m.staffAccounts.enableLabel() : m.staffAccounts.disableLabel()}
            </Button>
            {a.hasSecondFactor && (
              <Button
                variant="secondary"
                size="small"
                aria-label={m.staffAccounts.reset({ name: a.displayName })}
                onClick={() => reset.mutate({ id: a.id })}
              >
                {m.staffAccounts.resetLabel()}
              </Button>
            )}
          </div>
        ),
    },
  ];

  return (
    <Container>
      <PageHeading>{m.staffAccounts.title()}</PageHeading>
      {(setDisabled.isError || reset.isError) && (
        <ErrorAlert
          live
          title={m.staffAccounts.actionFailed()}
          error={setDisabled.error ?? reset.error}
        />
      )}
      {accounts.isPending && <Spinner label={m.staffAccounts.loading()} />}
      {accounts.isError && (
        <ErrorAlert title={m.staffAccounts.loadError()} error={accounts.error} />
      )}
      {accounts.data && (
        <DataTable
          caption={m.staffAccounts.tableCaption()}
          columns={columns}
          rows={accounts.data}
          getRowKey={(a) => a.id}
        />
      )}
      <CreateAccountForm agencies={agencies.data ?? []} onCreated={refresh} />
      <ChangeRoleForm
        accounts={(accounts.data ?? []).filter((a) => a.id !== user.id)}
        agencies={agencies.data ?? []}
        onChanged={refresh}
      />
    </Container>
  );
}
