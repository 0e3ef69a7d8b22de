import type { RoutingDecisionView } from "@trace/domain";
import { Alert } from "@trace/ui/alert";
import { Button } from "@trace/ui/button";
import { Checkbox, Field, Select, TextArea } from "@trace/ui/field";
import { Spinner } from "@trace/ui/spinner";
import {
  keepPreviousData,
  skipToken,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { Link } from "wouter";
import { ErrorAlert } from "../../components/error-message";
import { useMessages, useFormat, type Messages } from "../../i18n";
import type { Formatters } from "../../lib/format";
import { appCode } from "../../lib/errors";
import { useTRPC, type TipListRow } from "../../lib/trpc";
import { useTipRefresh } from "../tip-detail/use-tip-refresh";
import { apiFieldMessages, referralErrorText } from "./referral-errors";
import {
  chosenAgencyId,
  companionTips,
  needsOverrideReason,
  tipIdsToRefer,
} from "./referral-logic";

/** What the form needs of the tip on the page. */
export interface ReferableTip {
  id: string;
  object: { ref: string } | null;
}

/** The API's limits (CreateReferralInputSchema): up to 100 tips, a reason of 1,000 characters. */
const COMPANIONS_MAX = 99;
const REASON_MAX = 1_000;

/**
 * Refers this tip, and any other useful tips about the same object the analyst ticks, to one
 * agency. The rules' suggestion is shown with why; the agency select starts on the first suggested
 * agency, and choosing another asks for a reason (the API insists too).
 */
export function ReferForm({ tip }: { tip: ReferableTip }) {
  const m = useMessages();
  const format = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refreshTip = useTipRefresh(tip.id);
  const headingId = useId();

  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  // null: follow the rules' first suggestion; a string: the user's own choice.
  const [agencyChoice, setAgencyChoice] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<{ agency?: string; reason?: string }>({});
  // The API may know better than a suggestion loaded a moment ago (a rule changed since).
  const [serverWantsReason, setServerWantsReason] = useState(false);

  const related = useQuery(
    trpc.tips.list.queryOptions(
      tip.object ? { objectRef: tip.object.ref, sort: "newest", limit: 100 } : skipToken,
    ),
  );
  const companions = companionTips(related.data?.items ?? [], tip.id).slice(0, COMPANIONS_MAX);
  const tipIds = tipIdsToRefer(tip.id, companions, checked);

  const suggestion = useQuery({
    ...trpc.referrals.suggest.queryOptions({ tipIds }),
    placeholderData: keepPreviousData,
  });
  const agencies = useQuery(trpc.agencies.list.queryOptions());

  const suggested = suggestion.data?.agencies ?? [];
  const suggestedIds = suggested.map((a) => a.id);
  const agencyId = chosenAgencyId(agencyChoice, suggestedIds);
  const showReason = needsOverrideReason(suggestedIds, agencyId) || serverWantsReason;

  const create = useMutation(
    trpc.referrals.create.mutationOptions({
      onSuccess: async () => {
        setChecked(new Set());
        setAgencyChoice(null);
        setReason("");
        setServerWantsReason(false);
        await Promise.all([
          refreshTip(),
          queryClient.invalidateQueries({ queryKey: trpc.referrals.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.tips.list.pathKey() }),
        ]);
      },
      onError: (error) => {
        if (appCode(error) === "referral_override_reason_required") {
          setServerWantsReason(true);
          setErrors({ reason: m.referrals.refer.reasonRequired() });
        }
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next: typeof errors = {};
    if (agencyId === "") next.agency = m.referrals.refer.agencyRequired();
    if (showReason && reason.trim() === "") next.reason = m.referrals.refer.reasonRequired();
    setErrors(next);
    if (next.agency || next.reason) return;
    create.mutate({
      agencyId,
      tipIds,
      overrideReason: showReason ? reason.trim() : undefined,
    });
  }

  const serverFields = apiFieldMessages(create.error);
  const agencyOptions = (agencies.data ?? [])
    .filter((a) => a.isActive || a.id === agencyId)
    .map((a) => {
      const label = `${a.code} — ${a.name}`;
      return {
        value: a.id,
        label: suggestedIds.includes(a.id) ? m.referrals.refer.suggestedOption({ label }) : label,
      };
    });
  const suggestedNames = suggested.map((a) => a.name).join(", ");
  const formError =
    create.isError &&
    appCode(create.error) !== "referral_override_reason_required" &&
    !serverFields.overrideReason;

  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby={headingId} className="iw-stack">
      <h3 id={headingId}>{m.referrals.refer.formHeading()}</h3>

      <Suggestion
        decision={suggestion.data}
        isPending={suggestion.isPending}
        isRefreshing={suggestion.isPlaceholderData}
        error={suggestion.isError ? suggestion.error : null}
      />
      <p>
        <Link href={`/routing?tip=${encodeURIComponent(tip.id)}`}>
          {m.referrals.refer.tryRules()}
        </Link>
      </p>

      {tip.object ? (
        related.isPending ? (
          <Spinner label={m.referrals.refer.companionsLoading()} />
        ) : related.isError ? (
          <ErrorAlert title={m.referrals.refer.companionsError()} error={related.error} />
        ) : companions.length === 0 ? (
          <p className="iw-muted">{m.referrals.refer.noCompanions()}</p>
        ) : (
          <fieldset className="t-fieldset">
            <legend className="t-fieldset__legend">{m.referrals.refer.companions()}</legend>
            <p className="t-field__hint">{m.referrals.refer.companionsHint()}</p>
            <div className="t-choices">
              {companions.map((c) => (
                <Checkbox
                  key={c.id}
                  label={m.referrals.refer.companion({
                    received: format.dateTime(c.receivedAt),
                    excerpt: excerptOf(m, c),
                  })}
                  hint={companionHint(m, format, c)}
                  checked={checked.has(c.id)}
                  onChange={() => setChecked(toggled(checked, c.id))}
                />
              ))}
            </div>
          </fieldset>
        )
      ) : (
        <p className="iw-muted">{m.referrals.refer.generalTip()}</p>
      )}

      <Field
        label={m.referrals.refer.agency()}
        hint={m.referrals.refer.agencyHint()}
        error={errors.agency ?? serverFields.agencyId}
        isRequired
      >
        {(props) => (
          <Select
            {...props}
            value={agencyId}
            onChange={(e) => {
              setAgencyChoice(e.currentTarget.value);
              setErrors({});
            }}
            placeholder={m.referrals.refer.chooseAgency()}
            options={agencyOptions}
          />
        )}
      </Field>
      {agencies.isError && (
        <ErrorAlert title={m.referrals.refer.agenciesError()} error={agencies.error} />
      )}

      {showReason && (
        <Field
          label={m.referrals.refer.reason()}
          hint={
            suggestedNames ? m.referrals.refer.reasonHint({ names: suggestedNames }) : undefined
          }
          error={errors.reason ?? serverFields.overrideReason}
          isRequired
        >
          {(props) => (
            <TextArea
              {...props}
              rows={3}
              maxLength={REASON_MAX}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
          )}
        </Field>
      )}

      <p className="iw-note">{m.referrals.refer.tipCount({ n: tipIds.length })}</p>
      <div>
        <Button type="submit" isLoading={create.isPending}>
          {m.referrals.refer.submit()}
        </Button>
      </div>
      {formError && (
        <ErrorAlert live title={referralErrorText(m, create.error)} error={create.error} />
      )}
      {create.isSuccess && (
        <Alert
          tone="success"
          live
          title={m.referrals.refer.done({ agency: create.data.agency.name })}
        >
          <p>
            {m.referrals.refer.doneText({
              n: create.data.tipCount,
              status: m.referrals.labels.status[create.data.status](),
            })}{" "}
            <Link href={`/referrals/${create.data.id}`}>{m.referrals.refer.open()}</Link>
          </p>
        </Alert>
      )}
    </form>
  );
}

function toggled(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(set);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

function excerptOf(m: Messages, tip: TipListRow): string {
  return tip.excerpt.trim() === "" ? m.inbox.tipWithoutText() : tip.excerpt;
}

function companionHint(m: Messages, format: Formatters, tip: TipListRow): string {
  const parts = [m.labels.triageStatus[tip.triageStatus]()];
  if (tip.country) parts.push(format.countryName(tip.country));
  return parts.join(" · ");
}

/** What the rules suggest for the tips as chosen now, and the rules behind it. */
function Suggestion({
  decision,
  isPending,
  isRefreshing,
  error,
}: {
  decision: RoutingDecisionView | undefined;
  isPending: boolean;
  isRefreshing: boolean;
  error: unknown;
}) {
  const m = useMessages();
  const headingId = useId();
  if (error) return <ErrorAlert title={m.referrals.refer.suggestionError()} error={error} />;
  if (isPending || !decision) return <Spinner label={m.referrals.refer.loadingSuggestion()} />;
  const matched = decision.explanations.filter((e) => e.outcome === "matched");
  const others = decision.explanations.filter((e) => e.outcome !== "matched");
  return (
    <section aria-labelledby={headingId} aria-busy={isRefreshing || undefined}>
      <h4 id={headingId}>{m.referrals.refer.suggestionHeading()}</h4>
      <p role="status">
        {decision.agencies.length > 0
          ? m.referrals.refer.suggests({ names: decision.agencies.map((a) => a.name).join(", ") })
          : m.referrals.refer.suggestsNone()}
      </p>
      {decision.priority && (
        <p>{m.referrals.refer.priority({ label: m.labels.priority[decision.priority]() })}</p>
      )}
      {decision.requiresReview && <Alert tone="warning" title={m.referrals.refer.review()} />}
      <p className="iw-note">{m.referrals.refer.matchedRules()}</p>
      {matched.length === 0 ? (
        <p className="iw-muted">{m.referrals.refer.noMatchedRules()}</p>
      ) : (
        <ul>
          {matched.map((e) => (
            <li key={e.ruleId}>
              <strong>
                {m.referrals.refer.ruleVersion({ name: e.ruleName, version: e.version })}
              </strong>
              : {e.text}
            </li>
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <details>
          <summary>{m.referrals.refer.otherRules({ n: others.length })}</summary>
          <ul>
            {others.map((e) => (
              <li key={e.ruleId}>
                <strong>
                  {m.referrals.refer.ruleVersion({ name: e.ruleName, version: e.version })}
                </strong>
                : {e.text}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
