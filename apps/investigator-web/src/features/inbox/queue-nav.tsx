import { TIP_QUEUES } from "@trace/domain";
import { Link } from "wouter";
import { useMessages } from "../../i18n";
import { inboxHref, withQueue, type InboxQuery } from "./inbox-search";

/** Ready-made views of the inbox; the current filters and sort carry over. */
export function QueueNav({ query }: { query: InboxQuery }) {
  const m = useMessages();
  return (
    <nav aria-label={m.triage.queues.label()} className="iw-queues">
      <ul>
        {TIP_QUEUES.map((queue) => (
          <li key={queue}>
            <Link
              href={inboxHref(withQueue(query, queue))}
              aria-current={query.queue === queue ? "page" : undefined}
            >
              {m.triage.queues[queue]()}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
