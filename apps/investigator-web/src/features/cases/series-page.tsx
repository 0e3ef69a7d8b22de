import {
  can,
  COUNTRY_CONFIDENCES,
  IdSchema,
  SERIES_TRANSITIONS,
  type CountryCode,
  type CountryConfidence,
  type SeriesStatus,
  type StaffUser,
  type SuspectedCountry,
} from "@trace/domain";
import { Alert } from "@trace/ui/alert";
import { Badge } from "@trace/ui/badge";
import { Button } from "@trace/ui/button";
import { Card } from "@trace/ui/card";
import { Field, Select, TextInput } from "@trace/ui/field";
import { Container } from "@trace/ui/page-layout";
import { Spinner } from "@trace/ui/spinner";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link } from "wouter";
import { PageHeading } from "../../app/page-heading";
import { useDocumentTitle } from "../../app/use-document-title";
import { useMessages, useFormat } from "../../i18n";
import { useTRPC, type StaffOutputs } from "../../lib/trpc";

type SeriesView = StaffOutputs["series"]["byId"];

export function SeriesPage({ id, user }: { id: string; user: StaffUser }) {
  const m = useMessages();
  const trpc = useTRPC();
  const isId = IdSchema.safeParse(id).success;
  const canRead = can(user.role, "case.read");
  const series = useQuery({ ...trpc.series.byId.queryOptions({ id }), enabled: isId && canRead });
  const objects = useQuery({
    ...trpc.objects.list.queryOptions({ seriesId: id, limit: 100 }),
    enabled: isId && can(user.role, "object.read"),
  });
  useDocumentTitle(series.data?.code ?? m.cases.title());

  return (
    <Container size="wide">
      {series.data && (
        <p className="iw-back">
          <Link href={`/cases/${series.data.caseId}`}>
            <span aria-hidden="true">← </span>
            {m.cases.series.backToCase()}
          </Link>
        </p>
      )}
      <PageHeading>
        {series.data ? `${series.data.code} — ${series.data.title}` : m.cases.title()}
      </PageHeading>
      {!canRead ? (
        <Alert tone="warning" title={m.cases.forbidden()} />
      ) : !isId || series.isError ? (
        <Alert tone="warning" title={m.cases.series.notFound()} />
      ) : series.isPending ? (
        <Spinner label={m.cases.series.loading()} isLabelVisible />
      ) : (
        <div className="iw-detail-grid">
          <div className="iw-detail-grid__main">
            <CountriesSection series={series.data} canEdit={can(user.role, "case.edit")} />
            <Card as="section" heading={m.cases.series.objects()} headingLevel={2}>
              {objects.data && objects.data.items.length > 0 ? (
                <ul>
                  {objects.data.items.map((o) => (
                    <li key={o.id}>
                      <Link href={`/objects/${o.id}`}>{o.title}</Link>{" "}
                      <span className="iw-mono">{o.ref}</span>{" "}
                      <Badge>{m.labels.objectStatus[o.status]()}</Badge>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="iw-muted">{m.cases.series.noObjects()}</p>
              )}
            </Card>
          </div>
          <div className="iw-detail-grid__side">
            <StatusSection series={series.data} canEdit={can(user.role, "case.edit")} />
            <OutcomesSection series={series.data} canEdit={can(user.role, "series.outcome")} />
          </div>
        </div>
      )}
    </Container>
  );
}

function useRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: trpc.series.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() });
  };
}

function StatusSection({ series, canEdit }: { series: SeriesView; canEdit: boolean }) {
  const m = useMessages();
  const trpc = useTRPC();
  const setStatus = useMutation(trpc.series.setStatus.mutationOptions({ onSuccess: useRefresh() }));
  const next = SERIES_TRANSITIONS[series.status];
  const [target, setTarget] = useState<string>("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (target) setStatus.mutate({ id: series.id, status: target as SeriesStatus });
  };
  return (
    <Card as="section" heading={m.cases.series.status()} headingLevel={2}>
      <p>
        <Badge>{m.cases.labels.seriesStatus[series.status]()}</Badge>
      </p>
      {canEdit &&
        (next.length === 0 ? (
          <p className="iw-muted">{m.cases.series.noNextStatus()}</p>
        ) : (
          <form onSubmit={submit} className="iw-form">
            <Field label={m.cases.series.newStatus()}>
              {(props) => (
                <Select
                  {...props}
                  value={target}
                  onChange={(e) => setTarget(e.target.value)}
                  placeholder=""
                  options={next.map((st) => ({
                    value: st,
                    label: m.cases.labels.seriesStatus[st](),
                  }))}
                />
              )}
            </Field>
            {setStatus.isError && <Alert tone="danger" title={setStatus.error.message} />}
            <Button type="submit" variant="secondary" isLoading={setStatus.isPending}>
              {m.cases.series.changeStatus()}
            </Button>
          </form>
        ))}
    </Card>
  );
}

function CountriesSection({ series, canEdit }: { series: SeriesView; canEdit: boolean }) {
  const m = useMessages();
  const format = useFormat();
  const trpc = useTRPC();
  const refresh = useRefresh();
  const update = useMutation(trpc.series.update.mutationOptions({ onSuccess: refresh }));
  const [code, setCode] = useState(series.code);
  const [title, setTitle] = useState(series.title);
  const [countries, setCountries] = useState<SuspectedCountry[]>(series.suspectedCountries);
  const [country, setCountry] = useState("");
  const [confidence, setConfidence] = useState<CountryConfidence>("possible");
  const [note, setNote] = useState("");
  const add = () => {
    if (!country || countries.some((c) => c.country === country)) return;
    setCountries([
      ...countries,
      {
        country: country as CountryCode,
        confidence,
        ...(note.trim() ? { note: note.trim() } : {}),
      },
    ]);
    setCountry("");
    setNote("");
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ id: series.id, code, title, suspectedCountries: countries });
  };
  return (
    <Card as="section" heading={m.cases.series.countries()} headingLevel={2}>
      {countries.length === 0 ? (
        <p className="iw-muted">{m.cases.series.noCountries()}</p>
      ) : (
        <ul>
          {countries.map((c) => (
            <li key={c.country}>
              {format.countryName(c.country)} — {m.cases.labels.confidence[c.confidence]()}
              {c.note && <span className="iw-cell-secondary">{c.note}</span>}
              {canEdit && (
                <Button
                  variant="quiet"
                  size="small"
                  onClick={() => setCountries(countries.filter((x) => x.country !== c.country))}
                >
                  {m.cases.series.removeCountry({ name: format.countryName(c.country) })}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form onSubmit={save} className="iw-form">
          <fieldset>
            <legend>{m.cases.series.addCountry()}</legend>
            <Field label={m.cases.series.country()}>
              {(props) => (
                <Select
                  {...props}
                  value={country}
                  onChange={(e) => setCountry(e.target.value)}
                  placeholder={m.cases.series.chooseCountry()}
                  options={format.countryOptions()}
                />
              )}
            </Field>
            <Field label={m.cases.series.confidence()}>
              {(props) => (
                <Select
                  {...props}
                  value={confidence}
                  onChange={(e) => setConfidence(e.target.value as CountryConfidence)}
                  options={COUNTRY_CONFIDENCES.map((c) => ({
                    value: c,
                    label: m.cases.labels.confidence[c](),
                  }))}
                />
              )}
            </Field>
            <Field label={m.cases.series.note()}>
              {(props) => (
                <TextInput
                  {...props}
                  maxLength={1000}
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                />
              )}
            </Field>
            <Button variant="secondary" onClick={add}>
              {m.cases.series.addCountry()}
            </Button>
          </fieldset>
          <fieldset>
            <legend>{m.cases.series.details()}</legend>
            <Field label={m.cases.series.code()}>
              {(props) => (
                <TextInput {...props} value={code} onChange={(e) => setCode(e.target.value)} />
              )}
            </Field>
            <Field label={m.cases.series.title()}>
              {(props) => (
                <TextInput {...props} value={title} onChange={(e) => setTitle(e.target.value)} />
              )}
            </Field>
          </fieldset>
          {update.isError && <Alert tone="danger" title={update.error.message} />}
          {update.isSuccess && <p role="status">{m.cases.series.saved()}</p>}
          <Button type="submit" isLoading={update.isPending}>
            {m.cases.series.saveCountries()}
          </Button>
        </form>
      )}
    </Card>
  );
}

function OutcomesSection({ series, canEdit }: { series: SeriesView; canEdit: boolean }) {
  const m = useMessages();
  const trpc = useTRPC();
  const record = useMutation(
    trpc.series.recordOutcome.mutationOptions({ onSuccess: useRefresh() }),
  );
  const [victims, setVictims] = useState(String(series.victimsIdentified));
  const [offenders, setOffenders] = useState(String(series.offendersProsecuted));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate({
      id: series.id,
      victimsIdentified: Number(victims),
      offendersProsecuted: Number(offenders),
    });
  };
  return (
    <Card as="section" heading={m.cases.series.outcomes()} headingLevel={2}>
      <dl className="iw-dl">
        <div>
          <dt>{m.cases.series.victimsIdentified()}</dt>
          <dd>{series.victimsIdentified}</dd>
        </div>
        <div>
          <dt>{m.cases.series.offendersProsecuted()}</dt>
          <dd>{series.offendersProsecuted}</dd>
        </div>
      </dl>
      {canEdit && (
        <form onSubmit={submit} className="iw-form">
          <p className="iw-muted">{m.cases.series.outcomesHint()}</p>
          <Field label={m.cases.series.victimsIdentified()}>
            {(props) => (
              <TextInput
                {...props}
                type="number"
                min={0}
                value={victims}
                onChange={(e) => setVictims(e.target.value)}
              />
            )}
          </Field>
          <Field label={m.cases.series.offendersProsecuted()}>
            {(props) => (
              <TextInput
                {...props}
                type="number"
                min={0}
                value={offenders}
                onChange={(e) => setOffenders(e.target.value)}
              />
            )}
          </Field>
          {record.isError && <Alert tone="danger" title={record.error.message} />}
          <Button type="submit" variant="secondary" isLoading={record.isPending}>
            {m.cases.series.saveOutcomes()}
          </Button>
        </form>
      )}
    </Card>
  );
}
