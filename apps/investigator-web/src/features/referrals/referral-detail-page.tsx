import { can, IdSchema, type ReferralDetail, type StaffUser } from "@trace/domain";
import { Card } from "@trace/ui/card";
import { Container } from "@trace/ui/page-layout";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "wouter";
import { PageHeading } from "../../app/page-heading";
import { useDocumentTitle } from "../../app/use-document-title";
import { useMessages } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { ReferralLoadState } from "./referral-load-state";
import { ReferralFacts } from "./referral-facts";
import { PENDING_POLL_MS } from "./referral-logic";
import { ReferralThread } from "./referral-thread";
import { ReferralTimeline } from "./referral-timeline";
import { ReferralTips } from "./referral-tips";

/** One referral as the hub follows it: tips, timeline, outcome, routing and the agency's questions. */
export function ReferralDetailPage({ id, user }: { id: string; user: StaffUser }) {
  const m = useMessages();
  useDocumentTitle(m.referrals.detail.title());
  const trpc = useTRPC();
  const canRead = can(user.role, "referral.send");
  const isId = IdSchema.safeParse(id).success;
  const referral = useQuery({
    ...trpc.referrals.byId.queryOptions({ id }),
    enabled: canRead && isId,
    refetchInterval: (query) => (query.state.data?.status === "pending" ? PENDING_POLL_MS : false),
  });
  return (
    <Container size="wide">
      <p className="iw-back">
        <Link href="/referrals">
          <span aria-hidden="true">← </span>
          {m.referrals.detail.back()}
        </Link>
      </p>
      <PageHeading>
        {referral.data
          ? m.referrals.detail.heading({ agency: referral.data.agency.name })
          : m.referrals.detail.title()}
      </PageHeading>
      <ReferralLoadState
        isAllowed={canRead}
        forbiddenTitle={m.referrals.list.forbidden()}
        isId={isId}
        referral={referral}
      >
        {(data) => <HubReferral referral={data} />}
      </ReferralLoadState>
    </Container>
  );
}

function HubReferral({ referral }: { referral: ReferralDetail }) {
  const m = useMessages();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const reply = useMutation(
    trpc.referrals.reply.mutationOptions({
      onSuccess: (data) => {
        queryClient.setQueryData(trpc.referrals.byId.queryKey({ id: referral.id }), data);
        void queryClient.invalidateQueries({ queryKey: trpc.referrals.list.pathKey() });
      },
    }),
  );
  return (
    <>
      <ReferralFacts referral={referral}>
        {referral.hub && (
          <div>
            <dt>{m.referrals.detail.createdBy()}</dt>
            <dd>{referral.hub.createdBy ?? m.app.notGiven()}</dd>
          </div>
        )}
      </ReferralFacts>
      <div className="iw-detail-grid">
        <div className="iw-detail-grid__main">
          <ReferralTips tips={referral.tips} tipHref={(tipId) => `/tips/${tipId}`} />
          <ReferralThread
            messages={referral.messages}
            readerSide="hub"
            state={reply}
            onSend={(body, done) =>
              reply.mutate({ referralId: referral.id, body }, { onSuccess: done })
            }
          />
        </div>
        <div className="iw-detail-grid__side">
          <ReferralTimeline referral={referral} />
          {referral.hub && <RoutingCard hub={referral.hub} />}
        </div>
      </div>
    </>
  );
}

/** What the rules suggested, and the reason given when the agency was not among them. */
function RoutingCard({ hub }: { hub: NonNullable<ReferralDetail["hub"]> }) {
  const m = useMessages();
  return (
    <Card as="section" heading={m.referrals.detail.routing()} headingLevel={2}>
      <dl className="iw-dl">
        <div>
          <dt>{m.referrals.detail.suggested()}</dt>
          <dd>
            {hub.suggestedAgencies.length === 0 ? (
              m.referrals.detail.suggestedNone()
            ) : (
              <ul>
                {hub.suggestedAgencies.map((a) => (
                  <li key={a.id}>{`${a.code} — ${a.name}`}</li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt>{m.referrals.detail.overrideReason()}</dt>
          <dd>
            {hub.overrideReason ? (
              <span dir="auto">{hub.overrideReason}</span>
            ) : (
              <span className="iw-muted">{m.referrals.detail.followedSuggestion()}</span>
            )}
          </dd>
        </div>
      </dl>
    </Card>
  );
}
