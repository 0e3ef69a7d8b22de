import { ROLES, type Role } from "@trace/domain";
import { Field, Select } from "@trace/ui/field";
import { useMessages, type Messages } from "../../i18n";

const roleOptions = (m: Messages) =>
  ROLES.map((role: Role) => ({ value: role, label: m.labels.role[role]() }));

/** A role, and the agency when the role is agency liaison (the only role that has one). */
export function RoleFields({
  idPrefix,
  roleLabel,
  role,
  onRoleChange,
  agencyId,
  onAgencyChange,
  agencies,
}: {
  idPrefix: string;
  roleLabel: string;
  role: Role;
  onRoleChange: (role: Role) => void;
  agencyId: string;
  onAgencyChange: (agencyId: string) => void;
  agencies: readonly { id: string; code: string; name: string }[];
}) {
  const m = useMessages();
  return (
    <>
      <Field label={roleLabel} id={`${idPrefix}-role`}>
        {(props) => (
          <Select
            {...props}
            options={roleOptions(m)}
            value={role}
            onChange={(e) => onRoleChange(e.currentTarget.value as Role)}
          />
        )}
      </Field>
      {role === "agency_liaison" && (
        <Field
          label={m.staffAccounts.agency()}
          hint={m.staffAccounts.agencyHint()}
          id={`${idPrefix}-agency`}
        >
          {(props) => (
            <Select
              {...props}
              placeholder={m.staffAccounts.noAgency()}
              options={agencies.map((a) => ({ value: a.id, label: `${a.code} — ${a.name}` }))}
              value={agencyId}
              onChange={(e) => onAgencyChange(e.currentTarget.value)}
            />
          )}
        </Field>
      )}
    </>
  );
}
