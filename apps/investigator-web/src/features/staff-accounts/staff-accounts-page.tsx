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
import { t } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { ChangeRoleForm } from "./change-role-form";
import { CreateAccountForm } from "./create-account-form";

/** Admins only: the accounts, a form for a new one, role changes, disable/enable and second-factor resets. */
export function StaffAccountsPage({ user }: { user: StaffUser }) {
  useDocumentTitle(t.staffAccounts.title);
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
        <PageHeading>{t.staffAccounts.title}</PageHeading>
        <Alert tone="warning" title={t.forbidden.staffAccounts} />
      </Container>
    );

  const agencyName = new Map((agencies.data ?? []).map((a) => [a.id, `${a.code} — ${a.name}`]));
  const c = t.staffAccounts.columns;
  const columns: DataTableColumn<StaffAccount>[] = [
    { key: "name", header: c.name, isRowHeader: true, render: (a) => a.displayName },
    { key: "email", header: c.email, render: (a) => a.email },
    { key: "role", header: c.role, render: (a) => t.labels.role[a.role] },
    {
      key: "agency",
      header: c.agency,
      render: (a) => (a.agencyId ? (agencyName.get(a.agencyId) ?? a.agencyId) : ""),
    },
    {
      key: "factor",
      header: c.secondFactor,
      render: (a) => (a.hasSecondFactor ? t.staffAccounts.enrolled : t.staffAccounts.notEnrolled),
    },
    {
      key: "status",
      header: c.status,
      render: (a) => (a.isDisabled ? t.staffAccounts.disabled : t.staffAccounts.active),
    },
    {
      key: "actions",
      header: c.actions,
      render: (a) =>
        a.id === user.id ? (
          t.staffAccounts.you
        ) : (
          <div className="iw-row-actions">
            <Button
              variant="secondary"
              size="small"
              aria-label={
                a.isDisabled
                  ? t.staffAccounts.enable(a.displayName)
                  : t.staffAccounts.disable(a.displayName)
              }
              onClick={() => setDisabled.mutate({ id: a.id, isDisabled: !a.isDisabled })}
            >
              {a.isDisabled ? t.staffAccounts.enableLabel : t.staffAccounts.disableLabel}
            </Button>
            {a.hasSecondFactor && (
              <Button
                variant="secondary"
                size="small"
                aria-label={t.staffAccounts.reset(a.displayName)}
                onClick={() => reset.mutate({ id: a.id })}
              >
                {t.staffAccounts.resetLabel}
              </Button>
            )}
          </div>
        ),
    },
  ];

  return (
    <Container>
      <PageHeading>{t.staffAccounts.title}</PageHeading>
      {(setDisabled.isError || reset.isError) && (
        <ErrorAlert
          live
          title={t.staffAccounts.actionFailed}
          error={setDisabled.error ?? reset.error}
        />
      )}
      {accounts.isPending && <Spinner label={t.staffAccounts.loading} />}
      {accounts.isError && <ErrorAlert title={t.staffAccounts.loadError} error={accounts.error} />}
      {accounts.data && (
        <DataTable
          caption={t.staffAccounts.tableCaption}
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
