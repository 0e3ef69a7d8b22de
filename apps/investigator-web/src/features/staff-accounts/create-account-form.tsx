import type { Role } from "@trace/domain";
import { Alert } from "@trace/ui/alert";
import { Button } from "@trace/ui/button";
import { Field, TextInput } from "@trace/ui/field";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ErrorAlert } from "../../components/error-message";
import { useMessages } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { RoleFields } from "./role-fields";

/** The server validates (liaison needs an agency, others none) and generates the password. */
export function CreateAccountForm({
  agencies,
  onCreated,
}: {
  agencies: readonly { id: string; code: string; name: string }[];
  onCreated: () => void;
}) {
  const m = useMessages();
  const trpc = useTRPC();
  const [email, setEmail] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [role, setRole] = useState<Role>("analyst");
  const [agencyId, setAgencyId] = useState("");
  const create = useMutation(trpc.staffAccounts.create.mutationOptions({ onSuccess: onCreated }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({
      email,
      displayName,
      role,
      agencyId: role === "agency_liaison" && agencyId ? agencyId : null,
    });
  }

  return (
    <section aria-labelledby="create-account-heading">
      <h2 id="create-account-heading">{m.staffAccounts.createHeading()}</h2>
      {create.data && (
        <Alert
          tone="success"
          live
          title={m.staffAccounts.created({ email: create.data.account.email })}
        >
          <Field
            label={m.staffAccounts.temporaryPassword()}
            hint={m.staffAccounts.temporaryPasswordNote()}
            id="temporary-password"
          >
            {(props) => (
              <TextInput
                {...props}
                readOnly
                spellCheck={false}
                value={create.data.temporaryPassword}
              />
            )}
          </Field>
        </Alert>
      )}
      {create.isError && (
        <ErrorAlert live title={m.staffAccounts.actionFailed()} error={create.error} />
      )}
      <form noValidate onSubmit={submit} className="iw-login-form">
        <Field label={m.staffAccounts.email()} id="new-account-email">
          {(props) => (
            <TextInput
              {...props}
              type="email"
              spellCheck={false}
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field label={m.staffAccounts.displayName()} id="new-account-name">
          {(props) => (
            <TextInput
              {...props}
              value={displayName}
              onChange={(e) => setDisplayName(e.currentTarget.value)}
            />
          )}
        </Field>
        <RoleFields
          idPrefix="new-account"
          roleLabel={m.staffAccounts.role()}
          role={role}
          onRoleChange={setRole}
          agencyId={agencyId}
          onAgencyChange={setAgencyId}
          agencies={agencies}
        />
        <Button type="submit" isLoading={create.isPending}>
          {m.staffAccounts.create()}
        </Button>
      </form>
    </section>
  );
}
