import type { Role, StaffAccount } from "@trace/domain";
import { Alert } from "@trace/ui/alert";
import { Button } from "@trace/ui/button";
import { Field, Select } from "@trace/ui/field";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ErrorMessage } from "../../components/error-message";
import { t } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { ROLE_OPTIONS } from "./staff-accounts-page";

/** Another account's role, and its agency when it becomes a liaison; the server validates both. */
export function ChangeRoleForm({
  accounts,
  agencies,
  onChanged,
}: {
  accounts: readonly StaffAccount[];
  agencies: readonly { id: string; code: string; name: string }[];
  onChanged: () => void;
}) {
  const trpc = useTRPC();
  const [accountId, setAccountId] = useState("");
  const [role, setRole] = useState<Role>("analyst");
  const [agencyId, setAgencyId] = useState("");
  const change = useMutation(
    trpc.staffAccounts.changeRole.mutationOptions({ onSuccess: onChanged }),
  );
  const s = t.staffAccounts;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    change.mutate({
      id: accountId,
      role,
      agencyId: role === "agency_liaison" && agencyId ? agencyId : null,
    });
  }

  return (
    <section aria-labelledby="change-role-heading">
      <h2 id="change-role-heading">{s.changeRoleHeading}</h2>
      {change.isSuccess && <Alert tone="success" live title={s.roleChanged(change.data.email)} />}
      {change.isError && (
        <Alert tone="danger" live title={s.actionFailed}>
          <ErrorMessage error={change.error} />
        </Alert>
      )}
      <form noValidate onSubmit={submit} className="iw-login-form">
        <Field label={s.account} id="change-role-account">
          {(props) => (
            <Select
              {...props}
              placeholder={s.chooseAccount}
              options={accounts.map((a) => ({
                value: a.id,
                label: `${a.displayName} (${a.email})`,
              }))}
              value={accountId}
              onChange={(e) => setAccountId(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field label={s.newRole} id="change-role-role">
          {(props) => (
            <Select
              {...props}
              options={ROLE_OPTIONS}
              value={role}
              onChange={(e) => setRole(e.currentTarget.value as Role)}
            />
          )}
        </Field>
        {role === "agency_liaison" && (
          <Field label={s.agency} hint={s.agencyHint} id="change-role-agency">
            {(props) => (
              <Select
                {...props}
                placeholder={s.noAgency}
                options={agencies.map((a) => ({ value: a.id, label: `${a.code} — ${a.name}` }))}
                value={agencyId}
                onChange={(e) => setAgencyId(e.currentTarget.value)}
              />
            )}
          </Field>
        )}
        <Button type="submit" isLoading={change.isPending} disabled={!accountId}>
          {s.changeRole}
        </Button>
      </form>
    </section>
  );
}
