import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { messageFor, useFormat, useMessages, type Messages } from "../../i18n";
import type { Formatters } from "../../lib/format";
import { useTRPC, type StaffOutputs } from "../../lib/trpc";
import { createRuleSummaries, type RuleSummaries, type SummaryWords } from "./rule-summary";

export type AgencyOption = StaffOutputs["cases"]["agencies"][number];

/** The agencies a rule can refer to (names for forms, readable by every hub role). */
export function useAgencies() {
  const trpc = useTRPC();
  return useQuery(trpc.cases.agencies.queryOptions());
}

/** The words of rule summaries, from the catalog. */
export function summaryWords(m: Messages): SummaryWords {
  return {
    and: m.routing.summary.and(),
    or: m.routing.summary.or(),
    not: (condition) => m.routing.summary.not({ condition }),
    nothingChosen: m.routing.summary.nothingChosen(),
    quoted: (text) => m.routing.summary.quoted({ text }),
    refer: (agencies) => m.routing.summary.refer({ agencies }),
    setPriority: (priority) => m.routing.summary.setPriority({ priority }),
    requireReview: m.routing.summary.requireReview(),
  };
}

/** Rule summaries in the app's words; agencies read as their codes once the list has loaded. */
export function ruleSummaries(
  m: Messages,
  format: Formatters,
  agencies: readonly AgencyOption[] | undefined,
): RuleSummaries {
  const byId = new Map((agencies ?? []).map((a) => [a.id, a.code]));
  return createRuleSummaries(format, summaryWords(m), {
    country: format.countryName,
    language: format.languageName,
    category: (c) => messageFor(m.labels.objectCategory, c)?.() ?? c,
    tipConfidence: (c) => messageFor(m.routing.inline.tipConfidence, c)?.() ?? c,
    countryConfidence: (c) => messageFor(m.routing.inline.countryConfidence, c)?.() ?? c,
    priority: (p) => messageFor(m.routing.inline.priority, p)?.() ?? p,
    agency: (id) => byId.get(id) ?? id,
  });
}

export function useRuleSummaries(): RuleSummaries {
  const m = useMessages();
  const format = useFormat();
  const agencies = useAgencies();
  return useMemo(() => ruleSummaries(m, format, agencies.data), [m, format, agencies.data]);
}
