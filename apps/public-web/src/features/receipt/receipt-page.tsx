import { useRef, useState } from "react";
import { Link, useLocation } from "wouter";
import { Button } from "@trace/ui/button";
import { Checkbox } from "@trace/ui/field";
import { Container } from "@trace/ui/page-layout";
import type { TipReceipt } from "@trace/domain";
import { useFormMessages } from "../../i18n";
import { WithFormMessages } from "../../i18n/form-messages";
import { useDocumentTitle } from "../../lib/use-document-title";
import { HotlineGuidance } from "./hotline-guidance";
import { useReceipt } from "./receipt-context";
import { useLeaveGuard } from "./use-leave-guard";

type CopyState = "idle" | "copied" | "failed";

function selectContents(element: HTMLElement | null) {
  const selection = window.getSelection();
  if (!element || !selection) return;
  selection.selectAllChildren(element);
}

function ReceiptShown({ receipt }: { receipt: TipReceipt }) {
  const m = useFormMessages();
  const [, navigate] = useLocation();
  const [isSaved, setIsSaved] = useState(false);
  const [copyState, setCopyState] = useState<CopyState>("idle");
  const codeRef = useRef<HTMLDivElement>(null);
  useLeaveGuard(!isSaved, m.receipt.leaveWarning());

  const copy = async () => {
    try {
      // Absent outside secure contexts (plain http on another host than localhost).
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(receipt.receiptCode);
      setCopyState("copied");
    } catch {
      selectContents(codeRef.current);
      setCopyState("failed");
    }
  };

  return (
    <Container size="narrow" className="app-page app-stack">
      <h1>{m.receipt.heading()}</h1>
      <div className="app-receipt app-stack app-stack--tight">
        <p>{m.receipt.codeIntro()}</p>
        <div
          ref={codeRef}
          role="group"
          aria-label={m.receipt.codeLabel()}
          className="app-receipt__code"
        >
          {receipt.receiptCode}
        </div>
        <div className="app-inline">
          <Button variant="secondary" onClick={() => void copy()}>
            {m.receipt.copy()}
          </Button>
          <p role="status" className="app-muted">
            {copyState === "copied"
              ? m.receipt.copied()
              : copyState === "failed"
                ? m.receipt.copyFailed()
                : ""}
          </p>
        </div>
      </div>
      <p>{m.receipt.explanation()}</p>
      <p>{m.receipt.howToReturn()}</p>
      {receipt.showHotlineGuidance && <HotlineGuidance />}
      <Checkbox
        label={m.receipt.confirm()}
        required
        checked={isSaved}
        onChange={(e) => setIsSaved(e.currentTarget.checked)}
      />
      <div>
        <Button
          size="large"
          disabled={!isSaved}
          // Leaving the page is what forgets the receipt (see ReceiptProvider).
          onClick={() => navigate("/objects")}
        >
          {m.receipt.continue()}
        </Button>
      </div>
    </Container>
  );
}

function ReceiptGone() {
  const m = useFormMessages();
  return (
    <Container size="narrow" className="app-page app-stack">
      <h1>{m.receipt.goneHeading()}</h1>
      <p>{m.receipt.gone()}</p>
      <ul>
        <li>
          <Link href="/check">{m.receipt.goneCheck()}</Link>
        </li>
        <li>
          <Link href="/objects">{m.receipt.goneBrowse()}</Link>
        </li>
      </ul>
    </Container>
  );
}

function ReceiptPageContent() {
  const m = useFormMessages();
  const { receipt } = useReceipt();
  useDocumentTitle(m.receipt.documentTitle());
  return receipt ? <ReceiptShown receipt={receipt} /> : <ReceiptGone />;
}

/** The forms catalog is downloaded with this chunk, not with the site (see form-messages.tsx). */
export function ReceiptPage() {
  return (
    <WithFormMessages>
      <ReceiptPageContent />
    </WithFormMessages>
  );
}
