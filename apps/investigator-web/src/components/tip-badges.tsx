import type { TipPriority, TriageStatus } from "@trace/domain";
import { Badge, type BadgeTone } from "@trace/ui/badge";
import { useMessages } from "../i18n";

const PRIORITY_TONE: Record<TipPriority, BadgeTone> = {
  urgent: "danger",
  high: "warning",
  normal: "neutral",
};

const TRIAGE_TONE: Record<TriageStatus, BadgeTone> = {
  new: "info",
  useful: "success",
  not_useful: "neutral",
  spam: "neutral",
  duplicate: "neutral",
  urgent_safeguarding: "danger",
  routed: "success",
};

export function PriorityBadge({ priority }: { priority: TipPriority }) {
  const m = useMessages();
  return <Badge tone={PRIORITY_TONE[priority]}>{m.labels.priority[priority]()}</Badge>;
}

export function TriageBadge({ status }: { status: TriageStatus }) {
  const m = useMessages();
  return <Badge tone={TRIAGE_TONE[status]}>{m.labels.triageStatus[status]()}</Badge>;
}
