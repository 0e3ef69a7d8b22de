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
import { useMessages } from "../../i18n";
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
  const m = useMessages();
  useDocumentTitle(m.routing.list.title());
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
          setAnnouncement(
            m.routing.list.movedTo({ name: rule.name, position: at + 1, total: now.length }),
          );
        },
      },
    );
  };

  const columns: DataTableColumn<RoutingRule>[] = [
    {
      key: "position",
      header: m.routing.list.columns.position(),
      align: "end",
      render: (rule) => ordered.indexOf(rule) + 1,
    },
    {
      key: "name",
      header: m.routing.list.columns.name(),
      isRowHeader: true,
      render: (rule) => <Link href={`/routing/${rule.id}`}>{rule.name}</Link>,
    },
    {
      key: "state",
      header: m.routing.list.columns.state(),
      render: (rule) => (
        <Badge tone={rule.isEnabled ? "success" : "neutral"}>
          {rule.isEnabled ? m.routing.state.enabled() : m.routing.state.disabled()}
        </Badge>
      ),
    },
    {
      key: "version",
      header: m.routing.list.columns.version(),
      align: "end",
      render: (rule) => rule.version,
    },
    {
      key: "condition",
      header: m.routing.list.columns.condition(),
      render: (rule) => (
        <span className="iw-routing-summary">{summaries.condition(rule.condition)}</span>
      ),
    },
    {
      key: "actions",
      header: m.routing.list.columns.actions(),
      render: (rule) => (
        <span className="iw-routing-summary">{summaries.actions(rule.actions)}</span>
      ),
    },
  ];
  if (canManage) {
    columns.push({
      key: "change",
      header: m.routing.list.columns.change(),
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
                        next.isEnabled
                          ? m.routing.list.enabledNow({ name: next.name })
                          : m.routing.list.disabledNow({ name: next.name }),
                      );
                    },
                  },
                );
              }}
              {...labelled(
                rule.isEnabled ? m.routing.list.disable() : m.routing.list.enable(),
                `: ${rule.name}`,
              )}
            />
            <Button
              id={buttonId("up", rule.id)}
              variant="quiet"
              size="small"
              disabled={isBusy || index === 0}
              onClick={() => move(index, "up")}
              {...labelled(m.routing.list.moveUp(), `: ${rule.name}`)}
            />
            <Button
              id={buttonId("down", rule.id)}
              variant="quiet"
              size="small"
              disabled={isBusy || index === ordered.length - 1}
              onClick={() => move(index, "down")}
              {...labelled(m.routing.list.moveDown(), `: ${rule.name}`)}
            />
          </div>
        );
      },
    });
  }

  return (
    <Container size="wide">
      <PageHeading>{m.routing.list.title()}</PageHeading>
      {!canRead ? (
        <Alert tone="warning" title={m.routing.list.forbidden()} />
      ) : (
        <>
          <p className="iw-routing-intro">{m.routing.list.intro()}</p>
          {canManage && (
            <p>
              <Link href="/routing/new" asChild>
                <ButtonLink>{m.routing.list.newRule()}</ButtonLink>
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
                  ? m.routing.list.changedMeanwhile()
                  : m.routing.list.toggleFailed()
              }
              error={setEnabled.error}
              live
            />
          )}
          {reorder.isError && (
            <ErrorAlert
              title={
                appCode(reorder.error) === "routing_order_incomplete"
                  ? m.routing.list.changedMeanwhile()
                  : m.routing.list.reorderFailed()
              }
              error={reorder.error}
              live
            />
          )}
          {rules.isPending ? (
            <Spinner label={m.routing.list.loading()} isLabelVisible />
          ) : rules.isError ? (
            <ErrorAlert title={m.routing.list.loadError()} error={rules.error} />
          ) : (
            <DataTable
              caption={m.routing.list.tableCaption()}
              rows={ordered}
              getRowKey={(rule) => rule.id}
              emptyMessage={m.routing.list.empty()}
              columns={columns}
            />
          )}
          <TryOnTip initialTipId={tipId} />
        </>
      )}
    </Container>
  );
}
