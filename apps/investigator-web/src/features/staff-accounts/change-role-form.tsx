import type { Role, StaffAccount } from "@trace/domain";
import { Alert } from "@trace/ui/alert";
import { Button } from "@trace/ui/button";
import { Field, Select } from "@trace/ui/field";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ErrorAlert } from "../../components/error-message";
import { useMessages } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { RoleFields } from "./role-fields";

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
  const m = useMessages();
  const trpc = useTRPC();
  const [accountId, setAccountId] = useState("");
  const [role, setRole] = useState<Role>("analyst");
  const [agencyId, setAgencyId] = useState("");
  const change = useMutation(
    trpc.staffAccounts.changeRole.mutationOptions({ onSuccess: onChanged }),
  );

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
      <h2 id="change-role-heading">{m.staffAccounts.changeRoleHeading()}</h2>
      {change.isSuccess && (
        <Alert
          tone="success"
          live
          title={m.staffAccounts.roleChanged({ email: change.data.email })}
        />
      )}
      {change.isError && (
        <ErrorAlert live title={m.staffAccounts.actionFailed()} error={change.error} />
      )}
      <form noValidate onSubmit={submit} className="iw-login-form">
        <Field label={m.staffAccounts.account()} id="change-role-account">
          {(props) => (
            <Select
              {...props}
              placeholder={m.staffAccounts.chooseAccount()}
              options={accounts.map((a) => ({
                value: a.id,
                label: `${a.displayName} (${a.email})`,
              }))}
              value={accountId}
              onChange={(e) => setAccountId(e.currentTarget.value)}
            />
          )}
        </Field>
        <RoleFields
          idPrefix="change-role"
          roleLabel={m.staffAccounts.newRole()}
          role={role}
          onRoleChange={setRole}
          agencyId={agencyId}
          onAgencyChange={setAgencyId}
          agencies={agencies}
        />
        <Button type="submit" isLoading={change.isPending} disabled={!accountId}>
          {m.staffAccounts.changeRole()}
        </Button>
      </form>
    </section>
  );
}
