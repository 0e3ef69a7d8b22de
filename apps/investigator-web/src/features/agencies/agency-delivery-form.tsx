import type { AgencyDeliveryView } from "@trace/domain";
import { Alert } from "@trace/ui/alert";
import { Button } from "@trace/ui/button";
import { Card } from "@trace/ui/card";
import { Field, RadioGroup, TextInput } from "@trace/ui/field";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { ErrorAlert } from "../../components/error-message";
import { useMessages } from "../../i18n";
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
  const m = useMessages();
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
      setUrlError(
        checked.webhookUrl === "required"
          ? m.referrals.agencies.webhookUrlRequired()
          : m.referrals.agencies.webhookUrlInvalid(),
      );
      return;
    }
    setUrlError(undefined);
    save.mutate({ agencyId: agency.id, ...checked.input });
  }

  const server = apiFieldMessages(save.error);
  const label = `${agency.code} — ${agency.name}`;
  return (
    <div ref={cardRef} tabIndex={-1}>
      <Card as="section" heading={m.referrals.agencies.formHeading({ label })} headingLevel={2}>
        <div className="iw-stack">
          <form noValidate onSubmit={onSubmit} className="iw-stack">
            <RadioGroup
              legend={m.referrals.agencies.channel()}
              name={`channel-${agency.id}`}
              options={CHANNELS.map((c) => ({
                value: c,
                label: m.referrals.labels.channel[c](),
                hint: m.referrals.agencies.channelHints[c](),
              }))}
              value={channel}
              onChange={(value) => setChannel(value as DeliveryChannel)}
              error={server.channel}
            />
            <Field
              label={m.referrals.agencies.webhookUrl()}
              hint={m.referrals.agencies.webhookUrlHint()}
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
                {m.referrals.agencies.save()}
              </Button>
              <Button variant="secondary" onClick={onClose}>
                {m.referrals.agencies.cancel()}
              </Button>
            </div>
            {save.isError && !server.webhookUrl && !server.channel && (
              <ErrorAlert live title={m.referrals.agencies.saveFailed()} error={save.error} />
            )}
            {save.isSuccess && (
              <Alert
                tone="success"
                live
                title={m.referrals.agencies.saved({ code: agency.code })}
              />
            )}
          </form>

          <section className="iw-stack" aria-labelledby={`secret-${agency.id}`}>
            <h3 id={`secret-${agency.id}`}>{m.referrals.agencies.secretHeading()}</h3>
            <p>{m.referrals.agencies.secretIntro()}</p>
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
                <p>{m.referrals.agencies.confirmText({ code: agency.code })}</p>
                <div className="iw-actions">
                  <Button
                    variant="danger"
                    isLoading={rotate.isPending}
                    onClick={() => rotate.mutate({ agencyId: agency.id })}
                  >
                    {m.referrals.agencies.confirm()}
                  </Button>
                  <Button variant="secondary" onClick={() => setIsConfirming(false)}>
                    {m.referrals.agencies.cancel()}
                  </Button>
                </div>
              </Alert>
            ) : (
              <div>
                <Button variant="secondary" onClick={() => setIsConfirming(true)}>
                  {m.referrals.agencies.generate()}
                </Button>
              </div>
            )}
            {rotate.isError && (
              <ErrorAlert
                live
                title={`${m.referrals.agencies.rotateFailed()} ${referralErrorText(m, rotate.error)}`}
                error={rotate.error}
              />
            )}
          </section>
        </div>
      </Card>
    </div>
  );
}
