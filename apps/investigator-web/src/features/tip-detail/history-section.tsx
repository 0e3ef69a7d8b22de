import { Card } from "@trace/ui/card";
import { useMessages, useFormat } from "../../i18n";
import type { TipDetailView } from "../../lib/trpc";

export function HistorySection({ history }: { history: TipDetailView["history"] }) {
  const m = useMessages();
  const format = useFormat();
  return (
    <Card as="section" heading={m.tip.history.heading()} headingLevel={2}>
      {history.length === 0 ? (
        <p className="iw-muted">{m.tip.history.empty()}</p>
      ) : (
        <>
          <p className="iw-note">{m.tip.history.legend()}</p>
          <ol className="iw-history">
            {history.map((event, index) => (
              <li key={index}>
                <time dateTime={event.at} className="iw-history__at">
                  {format.dateTime(event.at)}
                </time>
                <span className="iw-history__change">
                  {event.kind === "assigned"
                    ? m.triage.historyKind.assigned({ name: event.actorName ?? "" })
                    : event.kind === "unassigned"
                      ? m.triage.historyKind.unassigned({ name: event.actorName ?? "" })
                      : m.tip.history.change({
                          triage: m.labels.triageStatus[event.triageStatus](),
                          publicStatus: m.labels.publicStatus[event.publicStatus](),
                        })}
                </span>
                <span className="iw-history__who">
                  {event.actorName
                    ? m.tip.history.by({ name: event.actorName })
                    : m.tip.history.bySystem()}
                </span>
                {event.note && (
                  <p className="iw-history__note">
                    <span className="iw-history__note-label">{m.tip.history.note()}</span>{" "}
                    {event.note}
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
