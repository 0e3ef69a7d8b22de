import { can, type StaffUser } from "@trace/domain";
import { Alert } from "@trace/ui/alert";
import { Badge } from "@trace/ui/badge";
import { Card } from "@trace/ui/card";
import { PriorityBadge, TriageBadge } from "../../components/tip-badges";
import { useMessages, useFormat } from "../../i18n";
import type { TipDetailView } from "../../lib/trpc";
import { AnswerSection } from "./answer-section";
import { HistorySection } from "./history-section";
import { ObjectSection } from "./object-section";
import { PhotosSection } from "./photos-section";
import { TipSimilarityPanel } from "../similarity/tip-similarity-panel";
import { AssignmentSection } from "./assignment-section";
import { ContactSection } from "./contact-section";
import { MessagesSection } from "./messages-section";
import { TriageSection } from "./triage-section";
import { ReferralSection } from "../referrals/tip-referrals-section";

export function TipView({ tip, user }: { tip: TipDetailView; user: StaffUser }) {
  const m = useMessages();
  const format = useFormat();
  return (
    <>
      <p className="iw-subtitle">
        <time dateTime={tip.receivedAt}>
          {m.tip.received({ date: format.dateTime(tip.receivedAt) })}
        </time>
      </p>
      {tip.concernsOtherAbuse && (
        <Alert tone="danger" title={m.tip.otherAbuseAlert()} className="iw-other-abuse">
          <p>{m.tip.otherAbuseHint()}</p>
        </Alert>
      )}
      {tip.trust === "low" && (
        <Alert tone="warning" title={m.tip.trust.alertTitle()}>
          <p>{m.tip.trust.alertHint()}</p>
          <p>{m.tip.trust.reasonsLabel()}</p>
          <ul>
            {tip.trustReasons.map((reason) => (
              <li key={reason}>{m.tip.trust.reasons[reason]()}</li>
            ))}
          </ul>
        </Alert>
      )}
      <dl className="iw-summary">
        <div>
          <dt>{m.tip.status()}</dt>
          <dd>
            <TriageBadge status={tip.triageStatus} />
          </dd>
        </div>
        <div>
          <dt>{m.tip.trust.label()}</dt>
          <dd>
            {tip.trust === "low" ? (
              <Badge tone="warning">{m.tip.trust.low()}</Badge>
            ) : (
              m.tip.trust.normal()
            )}
          </dd>
        </div>
        <div>
          <dt>{m.tip.priority()}</dt>
          <dd>
            <PriorityBadge priority={tip.priority} />
          </dd>
        </div>
        <div>
          <dt>{m.tip.publicStatus()}</dt>
          <dd>{m.labels.publicStatus[tip.publicStatus]()}</dd>
        </div>
        <div>
          <dt>{m.tip.language()}</dt>
          <dd>{format.languageName(tip.language)}</dd>
        </div>
        <div>
          <dt>{m.tip.hasContact()}</dt>
          <dd>{tip.hasContact ? m.app.yes() : m.app.no()}</dd>
        </div>
      </dl>
      <div className="iw-detail-grid">
        <div className="iw-detail-grid__main">
          <AnswerSection answer={tip.answer} />
          <Card as="section" heading={m.tip.text.heading()} headingLevel={2}>
            {tip.text ? (
              // Plain text in the tipster's language, line breaks kept; React never renders it as HTML.
              <div className="iw-tip-text" lang={tip.language} dir="auto">
                {tip.text}
              </div>
            ) : (
              <p className="iw-muted">{m.tip.text.none()}</p>
            )}
          </Card>
          <PhotosSection photos={tip.photos} />
          {tip.photos.length > 0 && <TipSimilarityPanel tipId={tip.id} />}
          <MessagesSection tip={tip} canSend={can(user.role, "message.send")} />
          {can(user.role, "referral.send") && <ReferralSection tip={tip} />}
        </div>
        <div className="iw-detail-grid__side">
          {can(user.role, "tip.triage") && (
            <>
              <TriageSection tip={tip} />
              <AssignmentSection tip={tip} user={user} />
            </>
          )}
          {can(user.role, "tip.contact") && <ContactSection tip={tip} />}
          <ObjectSection object={tip.object} />
          <HistorySection history={tip.history} />
        </div>
      </div>
    </>
  );
}
