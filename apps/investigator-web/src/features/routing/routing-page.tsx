import { can, type RoutingRule, type StaffUser } from "@trace/domain";
import { Alert } from "@trace/ui/alert";
import { Badge } from "@trace/ui/badge";
import { Button, ButtonLink } from "@trace/ui/button";
import { DataTable, type DataTableColumn } from "@trace/ui/data-table";
import { Container } from "@trace/ui/page-layout";
import { Spinner } from "@trace/ui/spinner";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Link, useSearch } from "wouter";
import { PageHeading } from "../../app/page-heading";
import { useDocumentTitle } from "../../app/use-document-title";
import { ErrorAlert } from "../../components/error-message";
import { t } from "../../i18n";
import { appCode } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { labelled } from "./list-inputs";
import { inEvaluationOrder, moveId } from "./rule-set";
import { TryOnTip } from "./try-on-tip";
import { useRuleSummaries } from "./use-rule-summaries";
import "./routing.css";

/** The id of a row's move/enable button, to put focus back on it once the list has re-rendered. */
const buttonId = (action: "up" | "down" | "toggle", ruleId: string) =>
  `routing-${action}-${ruleId}`;

/**
 * The routing rules in evaluation order. Everyone on the hub reads them and can try them on a
 * tip; coordinators also switch rules on and off, reorder them and open them to edit.
 */
export function RoutingPage({ user }: { user: StaffUser }) {
  const l = t.routing.list;
  useDocumentTitle(l.title);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canRead = can(user.role, "routing.read");
  const canManage = can(user.role, "routing.manage");
  const rulesKey = trpc.routing.rules.queryKey();
  const rules = useQuery({ ...trpc.routing.rules.queryOptions(), enabled: canRead });
  const summaries = useRuleSummaries();
  const tipId = new URLSearchParams(useSearch()).get("tip") ?? "";

  // What the last change did, said in a live region; and the button to give focus back to.
  const [announcement, setAnnouncement] = useState("");
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    if (focusNext.current === null) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });

  const onConflict = (error: unknown) => {
    // Someone else changed a rule: show their version rather than act on a stale list.
    if (appCode(error) === "routing_rule_changed" || appCode(error) === "routing_order_incomplete")
      void queryClient.invalidateQueries({ queryKey: rulesKey });
  };
  const setEnabled = useMutation(
    trpc.routing.setEnabled.mutationOptions({
      onSuccess: (rule) => {
        queryClient.setQueryData(rulesKey, (old) => old?.map((r) => (r.id === rule.id ? rule : r)));
        void queryClient.invalidateQueries({
          queryKey: trpc.routing.versions.queryKey({ id: rule.id }),
        });
      },
      onError: onConflict,
    }),
  );
  const reorder = useMutation(
    trpc.routing.reorder.mutationOptions({
      onSuccess: (list) => queryClient.setQueryData(rulesKey, list),
      onError: onConflict,
    }),
  );

  const isBusy = setEnabled.isPending || reorder.isPending;
  const ordered = rules.data ? inEvaluationOrder(rules.data) : [];
  const move = (index: number, direction: "up" | "down") => {
    const rule = ordered[index];
    if (!rule) return;
    const ids = moveId(
      ordered.map((r) => r.id),
      index,
      direction === "up" ? index - 1 : index + 1,
    );
    setAnnouncement("");
    reorder.mutate(
      { ids },
      {
        onSuccess: (list) => {
          const now = inEvaluationOrder(list);
          const at = now.findIndex((r) => r.id === rule.id);
          if (at === -1) return;
          // At the top or the bottom the pressed button is disabled: carry on with the other one.
          const next =
            direction === "up" && at === 0
              ? "down"
              : direction === "down" && at === now.length - 1
                ? "up"
                : direction;
          focusNext.current = buttonId(next, rule.id);
          setAnnouncement(l.movedTo(rule.name, at + 1, now.length));
        },
      },
    );
  };

  const columns: DataTableColumn<RoutingRule>[] = [
    {
      key: "position",
      header: l.columns.position,
      align: "end",
      render: (rule) => ordered.indexOf(rule) + 1,
    },
    {
      key: "name",
      header: l.columns.name,
      isRowHeader: true,
      render: (rule) => <Link href={`/routing/${rule.id}`}>{rule.name}</Link>,
    },
    {
      key: "state",
      header: l.columns.state,
      render: (rule) => (
        <Badge tone={rule.isEnabled ? "success" : "neutral"}>
          {rule.isEnabled ? t.routing.state.enabled : t.routing.state.disabled}
        </Badge>
      ),
    },
    { key: "version", header: l.columns.version, align: "end", render: (rule) => rule.version },
    {
      key: "condition",
      header: l.columns.condition,
      render: (rule) => (
        <span className="iw-routing-summary">{summaries.condition(rule.condition)}</span>
      ),
    },
    {
      key: "actions",
      header: l.columns.actions,
      render: (rule) => (
        <span className="iw-routing-summary">{summaries.actions(rule.actions)}</span>
      ),
    },
  ];
  if (canManage) {
    columns.push({
      key: "change",
      header: l.columns.change,
      render: (rule) => {
        const index = ordered.indexOf(rule);
        return (
          <div className="iw-routing-row-actions">
            <Button
              id={buttonId("toggle", rule.id)}
              variant="secondary"
              size="small"
              disabled={isBusy}
              onClick={() => {
                setAnnouncement("");
                setEnabled.mutate(
                  { id: rule.id, isEnabled: !rule.isEnabled, expectedVersion: rule.version },
                  {
                    onSuccess: (next) => {
                      focusNext.current = buttonId("toggle", next.id);
                      setAnnouncement(
                        next.isEnabled ? l.enabledNow(next.name) : l.disabledNow(next.name),
                      );
                    },
                  },
                );
              }}
              {...labelled(rule.isEnabled ? l.disable : l.enable, `: ${rule.name}`)}
            />
            <Button
              id={buttonId("up", rule.id)}
              variant="quiet"
              size="small"
              disabled={isBusy || index === 0}
              onClick={() => move(index, "up")}
              {...labelled(l.moveUp, `: ${rule.name}`)}
            />
            <Button
              id={buttonId("down", rule.id)}
              variant="quiet"
              size="small"
              disabled={isBusy || index === ordered.length - 1}
              onClick={() => move(index, "down")}
              {...labelled(l.moveDown, `: ${rule.name}`)}
            />
          </div>
        );
      },
    });
  }

  return (
    <Container size="wide">
      <PageHeading>{l.title}</PageHeading>
      {!canRead ? (
        <Alert tone="warning" title={l.forbidden} />
      ) : (
        <>
          <p className="iw-routing-intro">{l.intro}</p>
          {canManage && (
            <p>
              <Link href="/routing/new" asChild>
                <ButtonLink>{l.newRule}</ButtonLink>
              </Link>
            </p>
          )}
          <p role="status" className="iw-routing-live">
            {announcement}
          </p>
          {setEnabled.isError && (
            <ErrorAlert
              title={
                appCode(setEnabled.error) === "routing_rule_changed"
                  ? l.changedMeanwhile
                  : l.toggleFailed
              }
              error={setEnabled.error}
              live
            />
          )}
          {reorder.isError && (
            <ErrorAlert
              title={
                appCode(reorder.error) === "routing_order_incomplete"
                  ? l.changedMeanwhile
                  : l.reorderFailed
              }
              error={reorder.error}
              live
            />
          )}
          {rules.isPending ? (
            <Spinner label={l.loading} isLabelVisible />
          ) : rules.isError ? (
            <ErrorAlert title={l.loadError} error={rules.error} />
          ) : (
            <DataTable
              caption={l.tableCaption}
              rows={ordered}
              getRowKey={(rule) => rule.id}
              emptyMessage={l.empty}
              columns={columns}
            />
          )}
          <TryOnTip initialTipId={tipId} />
        </>
      )}
    </Container>
  );
}
