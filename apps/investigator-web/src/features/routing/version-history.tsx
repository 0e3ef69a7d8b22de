import type { RoutingRuleVersion } from "@trace/domain";
import { Badge } from "@trace/ui/badge";
import { Button } from "@trace/ui/button";
import { Card } from "@trace/ui/card";
import { Spinner } from "@trace/ui/spinner";
import { useQuery } from "@tanstack/react-query";
import { ErrorAlert } from "../../components/error-message";
import { useMessages, useFormat } from "../../i18n";
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
  const m = useMessages();
  const format = useFormat();
  const trpc = useTRPC();
  const versions = useQuery(trpc.routing.versions.queryOptions({ id: ruleId }));
  return (
    <Card as="section" heading={m.routing.versions.heading()} headingLevel={2}>
      {versions.isPending ? (
        <Spinner label={m.routing.versions.loading()} isLabelVisible />
      ) : versions.isError ? (
        <ErrorAlert title={m.routing.versions.loadError()} error={versions.error} />
      ) : (
        <ol className="iw-routing-versions">
          {versions.data.map((version, index) => (
            <li key={version.version}>
              <h3 className="iw-routing-versions__heading">
                {m.routing.version({ version: version.version })}{" "}
                {index === 0 && <Badge tone="info">{m.routing.versions.current()}</Badge>}
              </h3>
              <p className="iw-muted">
                {format.dateTime(version.createdAt)}{" "}
                {version.author
                  ? m.routing.versions.savedBy({ name: version.author })
                  : m.routing.versions.unknownAuthor()}
              </p>
              <details className="iw-routing-versions__details">
                <summary>{m.routing.versions.details()}</summary>
                <dl className="iw-dl">
                  <div>
                    <dt>{m.routing.versions.name()}</dt>
                    <dd>{version.name}</dd>
                  </div>
                  <div>
                    <dt>{m.routing.versions.state()}</dt>
                    <dd>
                      {version.isEnabled ? m.routing.state.enabled() : m.routing.state.disabled()}
                    </dd>
                  </div>
                  <div>
                    <dt>{m.routing.versions.condition()}</dt>
                    <dd>
                      <ConditionView condition={version.condition} summaries={summaries} />
                    </dd>
                  </div>
                  <div>
                    <dt>{m.routing.versions.actions()}</dt>
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
                    {...labelled(
                      m.routing.versions.useInForm(),
                      m.routing.versions.useInFormWhich({ version: version.version }),
                    )}
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
