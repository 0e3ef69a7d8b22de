import { inboxHref, parseInboxSearch } from "../inbox/inbox-search";

/** History state a link from the inbox carries, so the tip page can link back to the same view. */
export interface InboxLinkState {
  inboxSearch: string;
}

/**
 * The inbox URL to go back to. History state survives reloads but is still input: it is
 * re-parsed, so only a valid inbox view comes out of it.
 */
export function backToInboxHref(state: unknown): string {
  const search =
    typeof state === "object" &&
    state !== null &&
    "inboxSearch" in state &&
    typeof state.inboxSearch === "string"
      ? state.inboxSearch
      : "";
  return inboxHref(parseInboxSearch(search));
}
