import type { CountryConfidence, TipConfidence, TipPriority } from "@trace/domain";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { format, locale, t } from "../../i18n";
import { useTRPC, type StaffOutputs } from "../../lib/trpc";
import { createRuleSummaries, type RuleSummaries } from "./rule-summary";

export type AgencyOption = StaffOutputs["cases"]["agencies"][number];

/** The agencies a rule can refer to (names for forms, readable by every hub role). */
export function useAgencies() {
  const trpc = useTRPC();
  return useQuery(trpc.cases.agencies.queryOptions());
}

/** Rule summaries in the app's words; agencies read as their codes once the list has loaded. */
export function ruleSummaries(agencies: readonly AgencyOption[] | undefined): RuleSummaries {
  const byId = new Map((agencies ?? []).map((a) => [a.id, a.code]));
  const inline = t.routing.inline;
  return createRuleSummaries(locale, t.routing.summary, {
    country: format.countryName,
    language: format.languageName,
    category: (c) => t.labels.objectCategory[c as keyof typeof t.labels.objectCategory] ?? c,
    tipConfidence: (c) => inline.tipConfidence[c as TipConfidence] ?? c,
    countryConfidence: (c) => inline.countryConfidence[c as CountryConfidence] ?? c,
    priority: (p) => inline.priority[p as TipPriority] ?? p,
    agency: (id) => byId.get(id) ?? id,
  });
}

export function useRuleSummaries(): RuleSummaries {
  const agencies = useAgencies();
  return useMemo(() => ruleSummaries(agencies.data), [agencies.data]);
}
