import { CASE_STATUSES, type CaseStatus } from "@trace/domain";
import { Button } from "@trace/ui/button";
import { Field, Select, TextInput } from "@trace/ui/field";
import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ErrorAlert } from "../../components/error-message";
import { useMessages } from "../../i18n";
import { useTRPC } from "../../lib/trpc";

export interface CaseValues {
  reference: string;
  title: string;
  leadAgencyId: string;
  status: CaseStatus;
}

export function CaseForm({
  initial,
  submitLabel,
  isPending,
  error,
  onSubmit,
}: {
  initial?: CaseValues;
  submitLabel: string;
  isPending: boolean;
  error: unknown;
  onSubmit: (values: CaseValues) => void;
}) {
  const m = useMessages();
  const trpc = useTRPC();
  const agencies = useQuery(trpc.cases.agencies.queryOptions());
  const [values, setValues] = useState<CaseValues>(
    initial ?? { reference: "", title: "", leadAgencyId: "", status: "open" },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(values);
  };
  return (
    <form onSubmit={submit} className="iw-form">
      <Field label={m.cases.form.reference()} isRequired>
        {(props) => (
          <TextInput
            {...props}
            minLength={3}
            maxLength={40}
            value={values.reference}
            onChange={(e) => setValues({ ...values, reference: e.target.value })}
          />
        )}
      </Field>
      <Field label={m.cases.form.title()} isRequired>
        {(props) => (
          <TextInput
            {...props}
            maxLength={200}
            value={values.title}
            onChange={(e) => setValues({ ...values, title: e.target.value })}
          />
        )}
      </Field>
      <Field label={m.cases.form.leadAgency()} isRequired>
        {(props) => (
          <Select
            {...props}
            value={values.leadAgencyId}
            onChange={(e) => setValues({ ...values, leadAgencyId: e.target.value })}
            placeholder={m.cases.form.chooseAgency()}
            options={(agencies.data ?? []).map((a) => ({
              value: a.id,
              label: `${a.code} — ${a.name}`,
            }))}
          />
        )}
      </Field>
      <Field label={m.cases.form.status()}>
        {(props) => (
          <Select
            {...props}
            value={values.status}
            onChange={(e) => setValues({ ...values, status: e.target.value as CaseStatus })}
            options={CASE_STATUSES.map((s) => ({
              value: s,
              label: m.cases.labels.caseStatus[s](),
            }))}
          />
        )}
      </Field>
      {error != null && <ErrorAlert title={(error as Error).message} error={error} />}
      <Button type="submit" isLoading={isPending}>
        {submitLabel}
      </Button>
    </form>
  );
}
