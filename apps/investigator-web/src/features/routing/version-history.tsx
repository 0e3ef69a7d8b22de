import type { RoutingRuleVersion } from "@trace/domain";
import { Badge } from "@trace/ui/badge";
import { Button } from "@trace/ui/button";
import { Card } from "@trace/ui/card";
import { Spinner } from "@trace/ui/spinner";
import { useQuery } from "@tanstack/react-query";
import { ErrorAlert } from "../../components/error-message";
import { format, t } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { labelled } from "./list-inputs";
import type { RuleSummaries } from "./rule-summary";
import { ActionsView, ConditionView } from "./rule-view";

/**
 * Every saved version of a rule, newest first: who saved it, when, and what it said. A
 * coordinator can copy an old version into the form to restore it (saving makes a new version).
 */
export function VersionHistory({
  ruleId,
  summaries,
  onCopy,
}: {
  ruleId: string;
  summaries: RuleSummaries;
  onCopy?: (version: RoutingRuleVersion) => void;
}) {
  const v = t.routing.versions;
  const trpc = useTRPC();
  const versions = useQuery(trpc.routing.versions.queryOptions({ id: ruleId }));
  return (
    <Card as="section" heading={v.heading} headingLevel={2}>
      {versions.isPending ? (
        <Spinner label={v.loading} isLabelVisible />
      ) : versions.isError ? (
        <ErrorAlert title={v.loadError} error={versions.error} />
      ) : (
        <ol className="iw-routing-versions">
          {versions.data.map((version, index) => (
            <li key={version.version}>
              <h3 className="iw-routing-versions__heading">
                {t.routing.version(version.version)}{" "}
                {index === 0 && <Badge tone="info">{v.current}</Badge>}
              </h3>
              <p className="iw-muted">
                {format.dateTime(version.createdAt)}{" "}
                {version.author ? v.savedBy(version.author) : v.unknownAuthor}
              </p>
              <details className="iw-routing-versions__details">
                <summary>{v.details}</summary>
                <dl className="iw-dl">
                  <div>
                    <dt>{v.name}</dt>
                    <dd>{version.name}</dd>
                  </div>
                  <div>
                    <dt>{v.state}</dt>
                    <dd>
                      {version.isEnabled ? t.routing.state.enabled : t.routing.state.disabled}
                    </dd>
                  </div>
                  <div>
                    <dt>{v.condition}</dt>
                    <dd>
                      <ConditionView condition={version.condition} summaries={summaries} />
                    </dd>
                  </div>
                  <div>
                    <dt>{v.actions}</dt>
                    <dd>
                      <ActionsView actions={version.actions} summaries={summaries} />
                    </dd>
                  </div>
                </dl>
                {onCopy && index > 0 && (
                  <Button
                    variant="secondary"
                    size="small"
                    onClick={() => onCopy(version)}
                    {...labelled(v.useInForm, v.useInFormWhich(version.version))}
                  />
                )}
              </details>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
