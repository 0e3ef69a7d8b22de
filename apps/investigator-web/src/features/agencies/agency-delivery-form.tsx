import type { AgencyDeliveryView } from "@trace/domain";
import { Alert } from "@trace/ui/alert";
import { Button } from "@trace/ui/button";
import { Card } from "@trace/ui/card";
import { Field, RadioGroup, TextInput } from "@trace/ui/field";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { ErrorAlert } from "../../components/error-message";
import { t } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { apiFieldMessages, referralErrorText } from "../referrals/referral-errors";
import { checkDeliverySettings, type DeliveryChannel } from "./delivery-settings";
import { WebhookSecret } from "./webhook-secret";

const CHANNELS: DeliveryChannel[] = ["portal", "webhook"];

/**
 * One agency's delivery: the channel, the webhook address, and a new signing secret on demand.
 * A secret comes back from the API once (when made) and lives only in this component's state
 * until the admin dismisses it.
 */
export function AgencyDeliveryForm({
  agency,
  onClose,
}: {
  agency: AgencyDeliveryView;
  onClose: () => void;
}) {
  const a = t.referrals.agencies;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const cardRef = useRef<HTMLDivElement>(null);
  const [channel, setChannel] = useState<DeliveryChannel>(agency.deliveryChannel);
  const [webhookUrl, setWebhookUrl] = useState(agency.webhookUrl ?? "");
  const [urlError, setUrlError] = useState<string | undefined>();
  const [isConfirming, setIsConfirming] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);

  // Opened from a row's "Edit" button: bring the form into view and start there.
  useEffect(() => {
    cardRef.current?.focus();
  }, []);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.agencies.list.queryKey() });
  const save = useMutation(
    trpc.agencies.updateDelivery.mutationOptions({
      onSuccess: async (result) => {
        if (result.webhookSecret) setSecret(result.webhookSecret);
        await refresh();
      },
    }),
  );
  const rotate = useMutation(
    trpc.agencies.rotateWebhookSecret.mutationOptions({
      onSuccess: async (result) => {
        setIsConfirming(false);
        setSecret(result.webhookSecret);
        await refresh();
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = checkDeliverySettings(channel, webhookUrl);
    if (!checked.ok) {
      setUrlError(checked.webhookUrl === "required" ? a.webhookUrlRequired : a.webhookUrlInvalid);
      return;
    }
    setUrlError(undefined);
    save.mutate({ agencyId: agency.id, ...checked.input });
  }

  const server = apiFieldMessages(save.error);
  const label = `${agency.code} — ${agency.name}`;
  return (
    <div ref={cardRef} tabIndex={-1}>
      <Card as="section" heading={a.formHeading(label)} headingLevel={2}>
        <div className="iw-stack">
          <form noValidate onSubmit={onSubmit} className="iw-stack">
            <RadioGroup
              legend={a.channel}
              name={`channel-${agency.id}`}
              options={CHANNELS.map((c) => ({
                value: c,
                label: t.referrals.labels.channel[c],
                hint: a.channelHints[c],
              }))}
              value={channel}
              onChange={(value) => setChannel(value as DeliveryChannel)}
              error={server.channel}
            />
            <Field
              label={a.webhookUrl}
              hint={a.webhookUrlHint}
              error={urlError ?? server.webhookUrl}
              isRequired={channel === "webhook"}
            >
              {(props) => (
                <TextInput
                  {...props}
                  type="url"
                  inputMode="url"
                  autoComplete="off"
                  spellCheck={false}
                  className="iw-mono"
                  value={webhookUrl}
                  onChange={(e) => setWebhookUrl(e.currentTarget.value)}
                />
              )}
            </Field>
            <div className="iw-actions">
              <Button type="submit" isLoading={save.isPending}>
                {a.save}
              </Button>
              <Button variant="secondary" onClick={onClose}>
                {a.cancel}
              </Button>
            </div>
            {save.isError && !server.webhookUrl && !server.channel && (
              <ErrorAlert live title={a.saveFailed} error={save.error} />
            )}
            {save.isSuccess && <Alert tone="success" live title={a.saved(agency.code)} />}
          </form>

          <section className="iw-stack" aria-labelledby={`secret-${agency.id}`}>
            <h3 id={`secret-${agency.id}`}>{a.secretHeading}</h3>
            <p>{a.secretIntro}</p>
            {secret ? (
              <WebhookSecret
                agencyCode={agency.code}
                secret={secret}
                onDone={() => {
                  setSecret(null);
                  save.reset();
                  rotate.reset();
                }}
              />
            ) : isConfirming ? (
              <Alert tone="warning" live>
                <p>{a.confirmText(agency.code)}</p>
                <div className="iw-actions">
                  <Button
                    variant="danger"
                    isLoading={rotate.isPending}
                    onClick={() => rotate.mutate({ agencyId: agency.id })}
                  >
                    {a.confirm}
                  </Button>
                  <Button variant="secondary" onClick={() => setIsConfirming(false)}>
                    {a.cancel}
                  </Button>
                </div>
              </Alert>
            ) : (
              <div>
                <Button variant="secondary" onClick={() => setIsConfirming(true)}>
                  {a.generate}
                </Button>
              </div>
            )}
            {rotate.isError && (
              <ErrorAlert
                live
                title={`${a.rotateFailed} ${referralErrorText(rotate.error)}`}
                error={rotate.error}
              />
            )}
          </section>
        </div>
      </Card>
    </div>
  );
}
