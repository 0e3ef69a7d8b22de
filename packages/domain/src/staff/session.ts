/** Staff sessions end after 15 idle minutes or 12 hours, whichever comes first. */
export const SESSION_IDLE_MS = 15 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;

export interface SessionTimes {
  createdAt: string;
  lastSeenAt: string;
  revokedAt: string | null;
}

export type SessionState = "active" | "idle_expired" | "absolute_expired" | "revoked";

export function sessionState(session: SessionTimes, now: string): SessionState {
  if (session.revokedAt !== null) return "revoked";
  const t = Date.parse(now);
  if (t - Date.parse(session.createdAt) >= SESSION_ABSOLUTE_MS) return "absolute_expired";
  if (t - Date.parse(session.lastSeenAt) >= SESSION_IDLE_MS) return "idle_expired";
  return "active";
}
