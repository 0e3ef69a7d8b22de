import type { ReferralDetail } from "@trace/domain";
import { Alert } from "@trace/ui/alert";
import { Spinner } from "@trace/ui/spinner";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ErrorAlert } from "../../components/error-message";
import { useMessages } from "../../i18n";
import { errorCode } from "../../lib/errors";

/**
 * One referral page's states, for the hub and for an agency alike: refused, not found (an id
 * that is not one, or a referral the reader may not see), failed with a retry, loading, loaded.
 */
export function ReferralLoadState({
  isAllowed,
  forbiddenTitle,
  isId,
  referral,
  children,
}: {
  isAllowed: boolean;
  forbiddenTitle: string;
  isId: boolean;
  referral: UseQueryResult<ReferralDetail, unknown>;
  children: (referral: ReferralDetail) => ReactNode;
}) {
  const m = useMessages();
  const code = errorCode(referral.error);
  if (!isAllowed) return <Alert tone="warning" title={forbiddenTitle} />;
  if (!isId || code === "NOT_FOUND" || code === "BAD_REQUEST")
    return <Alert tone="warning" title={m.referrals.detail.notFound()} />;
  if (referral.isError)
    return (
      <ErrorAlert
        title={m.referrals.detail.loadError()}
        error={referral.error}
        onRetry={() => void referral.refetch()}
      />
    );
  if (referral.isPending) return <Spinner label={m.referrals.detail.loading()} isLabelVisible />;
  return <>{children(referral.data)}</>;
}
