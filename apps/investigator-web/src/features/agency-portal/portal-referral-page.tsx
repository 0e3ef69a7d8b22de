import {
  allowedReferralActions,
  can,
  IdSchema,
  type ReferralDetail,
  type StaffUser,
} from "@trace/domain";
import { Alert } from "@trace/ui/alert";
import { Button } from "@trace/ui/button";
import { Card } from "@trace/ui/card";
import { Container } from "@trace/ui/page-layout";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "wouter";
import { PageHeading } from "../../app/page-heading";
import { useDocumentTitle } from "../../app/use-document-title";
import { ErrorAlert } from "../../components/error-message";
import { useMessages, useFormat } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { ReferralLoadState } from "../referrals/referral-load-state";
import { ReferralFacts } from "../referrals/referral-facts";
import { referralErrorText } from "../referrals/referral-errors";
import { ReferralThread } from "../referrals/referral-thread";
import { ReferralTimeline } from "../referrals/referral-timeline";
import { ReferralTips } from "../referrals/referral-tips";
import { DispositionForm } from "./disposition-form";

/** One referral to the liaison's agency: the tips, acknowledgement, the outcome and questions. */
export function PortalReferralPage({ id, user }: { id: string; user: StaffUser }) {
  const m = useMessages();
  useDocumentTitle(m.referrals.detail.title());
  const trpc = useTRPC();
  const canRespond = can(user.role, "referral.respond");
  const isId = IdSchema.safeParse(id).success;
  const referral = useQuery({
    ...trpc.agencyPortal.byId.queryOptions({ id }),
    enabled: canRespond && isId,
    // Every read of a referral's tips is audited: no silent re-reads when the window regains focus.
    refetchOnWindowFocus: false,
  });
  return (
    <Container size="wide">
      <p className="iw-back">
        <Link href="/portal">
          <span aria-hidden="true">← </span>
          {m.referrals.portal.detail.back()}
        </Link>
      </p>
      <PageHeading>{m.referrals.detail.title()}</PageHeading>
      <ReferralLoadState
        isAllowed={canRespond}
        forbiddenTitle={m.referrals.portal.forbidden()}
        isId={isId}
        referral={referral}
      >
        {(data) => <AgencyReferral referral={data} />}
      </ReferralLoadState>
    </Container>
  );
}

/** After a change, the answer is the referral as it now stands: show it and refresh the lists. */
function useReferralUpdate(id: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (data: ReferralDetail) => {
    queryClient.setQueryData(trpc.agencyPortal.byId.queryKey({ id }), data);
    void queryClient.invalidateQueries({ queryKey: trpc.agencyPortal.list.pathKey() });
  };
}

function AgencyReferral({ referral }: { referral: ReferralDetail }) {
  const m = useMessages();
  const format = useFormat();
  const trpc = useTRPC();
  const onUpdated = useReferralUpdate(referral.id);
  const ask = useMutation(trpc.agencyPortal.ask.mutationOptions({ onSuccess: onUpdated }));
  return (
    <>
      <ReferralFacts referral={referral}>
        <div>
          <dt>{m.referrals.portal.detail.received()}</dt>
          <dd>{referral.deliveredAt ? format.dateTime(referral.deliveredAt) : m.app.notGiven()}</dd>
        </div>
        {referral.object && (
          <div>
            <dt>{m.referrals.portal.detail.category()}</dt>
            <dd>{m.labels.objectCategory[referral.object.category]()}</dd>
          </div>
        )}
      </ReferralFacts>
      <div className="iw-detail-grid">
        <div className="iw-detail-grid__main">
          <ResponseCard referral={referral} onUpdated={onUpdated} />
          <ReferralTips tips={referral.tips} />
          <ReferralThread
            messages={referral.messages}
            readerSide="agency"
            state={ask}
            onSend={(body, done) =>
              ask.mutate({ referralId: referral.id, body }, { onSuccess: done })
            }
          />
        </div>
        <div className="iw-detail-grid__side">
          <ReferralTimeline referral={referral} />
        </div>
      </div>
    </>
  );
}

/** Acknowledge receipt, then record what came of the lead; the buttons follow the domain rule. */
function ResponseCard({
  referral,
  onUpdated,
}: {
  referral: ReferralDetail;
  onUpdated: (data: ReferralDetail) => void;
}) {
  const m = useMessages();
  const format = useFormat();
  const trpc = useTRPC();
  // Kept here, not in the forms: the disposition form goes away once the outcome is recorded.
  const [notice, setNotice] = useState<string | null>(null);
  const updatedWith = (message: string) => (data: ReferralDetail) => {
    setNotice(message);
    onUpdated(data);
  };
  const acknowledge = useMutation(
    trpc.agencyPortal.acknowledge.mutationOptions({
      onSuccess: updatedWith(m.referrals.portal.detail.acknowledged()),
    }),
  );
  const actions = allowedReferralActions(referral.status);
  const canAcknowledge = actions.includes("acknowledge");
  const canDispose = actions.includes("dispose");

  return (
    <Card as="section" heading={m.referrals.portal.detail.responseHeading()} headingLevel={2}>
      <div className="iw-stack">
        {notice && <Alert tone="success" live title={notice} />}
        {referral.status === "pending" && <p>{m.referrals.portal.detail.pending()}</p>}
        {canAcknowledge && (
          <div className="iw-stack">
            <p>{m.referrals.portal.detail.acknowledgeHint()}</p>
            <div>
              <Button
                isLoading={acknowledge.isPending}
                onClick={() => acknowledge.mutate({ referralId: referral.id })}
              >
                {m.referrals.portal.detail.acknowledge()}
              </Button>
            </div>
          </div>
        )}
        {acknowledge.isError && (
          <ErrorAlert
            live
            title={referralErrorText(m, acknowledge.error)}
            error={acknowledge.error}
          />
        )}
        {referral.acknowledgedAt && !canAcknowledge && (
          <p>
            {m.referrals.portal.detail.acknowledgedOn({
              when: format.dateTime(referral.acknowledgedAt),
            })}
          </p>
        )}
        {referral.disposition && referral.disposedAt && (
          <p>
            {m.referrals.portal.detail.outcomeOn({
              label: m.referrals.labels.disposition[referral.disposition](),
              when: format.dateTime(referral.disposedAt),
            })}
          </p>
        )}
        {canDispose && (
          <DispositionForm
            referralId={referral.id}
            onUpdated={updatedWith(m.referrals.portal.detail.recorded())}
          />
        )}
      </div>
    </Card>
  );
}
