import { Card } from "@trace/ui/card";
import { format, t } from "../../i18n";
import type { TipDetailView } from "../../lib/trpc";

export function HistorySection({ history }: { history: TipDetailView["history"] }) {
  const h = t.tip.history;
  return (
    <Card as="section" heading={h.heading} headingLevel={2}>
      {history.length === 0 ? (
        <p className="iw-muted">{h.empty}</p>
      ) : (
        <>
          <p className="iw-note">{h.legend}</p>
          <ol className="iw-history">
            {history.map((event, index) => (
              <li key={index}>
                <time dateTime={event.at} className="iw-history__at">
                  {format.dateTime(event.at)}
                </time>
                <span className="iw-history__change">
                  {event.kind === "assigned"
                    ? t.triage.historyKind.assigned(event.actorName ?? "")
                    : event.kind === "unassigned"
                      ? t.triage.historyKind.unassigned(event.actorName ?? "")
                      : h.change(
                          t.labels.triageStatus[event.triageStatus],
                          t.labels.publicStatus[event.publicStatus],
                        )}
                </span>
                <span className="iw-history__who">
                  {event.actorName ? h.by(event.actorName) : h.bySystem}
                </span>
                {event.note && (
                  <p className="iw-history__note">
                    <span className="iw-history__note-label">{h.note}</span> {event.note}
                  </p>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </Card>
  );
}
