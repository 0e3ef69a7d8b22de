import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import type { ReactNode } from "react";
import { useLocation } from "wouter";
import type { TipReceipt } from "@trace/domain";

export const RECEIPT_PATH = "/receipt";

interface ReceiptContextValue {
  receipt: TipReceipt | null;
  /** Keep the receipt of a tip just sent, for the receipt page to show once. */
  showReceipt: (receipt: TipReceipt) => void;
}

const ReceiptContext = createContext<ReceiptContextValue | null>(null);

/**
 * Holds the receipt of the tip just sent in memory only: never in the URL, in storage or in
 * history state, so it is gone after a reload and never written to disk. It is forgotten as soon
 * as the tipster leaves the receipt page, so coming back to it does not show the code again.
 */
export function ReceiptProvider({ children }: { children: ReactNode }) {
  const [receipt, setReceipt] = useState<TipReceipt | null>(null);
  const [location] = useLocation();
  const previousLocation = useRef(location);

  useEffect(() => {
    if (previousLocation.current === RECEIPT_PATH && location !== RECEIPT_PATH) setReceipt(null);
    previousLocation.current = location;
  }, [location]);

  const showReceipt = useCallback((next: TipReceipt) => setReceipt(next), []);
  const value = useMemo(() => ({ receipt, showReceipt }), [receipt, showReceipt]);
  return <ReceiptContext value={value}>{children}</ReceiptContext>;
}

export function useReceipt(): ReceiptContextValue {
  const value = useContext(ReceiptContext);
  if (!value) throw new Error("useReceipt must be used inside <ReceiptProvider>");
  return value;
}
