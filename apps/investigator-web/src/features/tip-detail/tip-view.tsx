import { can, type StaffUser } from "@trace/domain";
import { Alert } from "@trace/ui/alert";
import { Card } from "@trace/ui/card";
import { PriorityBadge, TriageBadge } from "../../components/tip-badges";
import { format, t } from "../../i18n";
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
  return (
    <>
      <p className="iw-subtitle">
        <time dateTime={tip.receivedAt}>{t.tip.received(format.dateTime(tip.receivedAt))}</time>
      </p>
      {tip.concernsOtherAbuse && (
        <Alert tone="danger" title={t.tip.otherAbuseAlert} className="iw-other-abuse">
          <p>{t.tip.otherAbuseHint}</p>
        </Alert>
      )}
      <dl className="iw-summary">
        <div>
          <dt>{t.tip.status}</dt>
          <dd>
            <TriageBadge status={tip.triageStatus} />
          </dd>
        </div>
        <div>
          <dt>{t.tip.priority}</dt>
          <dd>
            <PriorityBadge priority={tip.priority} />
          </dd>
        </div>
        <div>
          <dt>{t.tip.publicStatus}</dt>
          <dd>{t.labels.publicStatus[tip.publicStatus]}</dd>
        </div>
        <div>
          <dt>{t.tip.language}</dt>
          <dd>{format.languageName(tip.language)}</dd>
        </div>
        <div>
          <dt>{t.tip.hasContact}</dt>
          <dd>{tip.hasContact ? t.app.yes : t.app.no}</dd>
        </div>
      </dl>
      <div className="iw-detail-grid">
        <div className="iw-detail-grid__main">
          <AnswerSection answer={tip.answer} />
          <Card as="section" heading={t.tip.text.heading} headingLevel={2}>
            {tip.text ? (
              // Plain text in the tipster's language, line breaks kept; React never renders it as HTML.
              <div className="iw-tip-text" lang={tip.language} dir="auto">
                {tip.text}
              </div>
            ) : (
              <p className="iw-muted">{t.tip.text.none}</p>
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
