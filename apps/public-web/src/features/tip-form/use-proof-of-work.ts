import { useCallback, useEffect, useRef, useState } from "react";
import { trpcClient } from "../../lib/trpc";
import {
  browserSolver,
  startProofOfWork,
  type ProofOfWorkSession,
  type ProofOfWorkSignals,
  type ProofOfWorkState,
} from "./proof-of-work";

/** Past this the tip goes without a proof of work (low trust) rather than keep anyone waiting. */
const SOLVE_TIMEOUT_MS = 60_000;

/** The tip form's proof of work, started when the form opens (see proof-of-work.ts). */
export function useProofOfWork(): {
  state: ProofOfWorkState;
  signals: () => Promise<ProofOfWorkSignals>;
} {
  const [state, setState] = useState<ProofOfWorkState>("working");
  const session = useRef<ProofOfWorkSession | null>(null);

  useEffect(() => {
    const started = startProofOfWork({
      fetchChallenge: () => trpcClient.tips.challenge.query(),
      solve: browserSolver(SOLVE_TIMEOUT_MS),
      now: Date.now,
      onChange: setState,
    });
    session.current = started;
    return () => started.cancel();
  }, []);

  const signals = useCallback(
    () => session.current?.signals() ?? Promise.resolve<ProofOfWorkSignals>({}),
    [],
  );
  return { state, signals };
}
