import type { Report, ScenarioResult } from "./report";

export type Log = (line: string) => void;

export function timingRow(
  id: string,
  name: string,
  engine: ScenarioResult["engine"],
  timing: NonNullable<ScenarioResult["timing"]>,
  goal: ScenarioResult["goal"],
  notes: string[] = [],
): ScenarioResult {
  return { id, name, engine, kind: "timing", timing, goal, notes };
}

export const single = (ms: number) => ({ medianMs: ms, p95Ms: ms, maxMs: ms, iterations: 1 });
export const STARTUP_NOTE =
  "one start: `node --import tsx src/index.ts` (what `pnpm start` runs) until both listeners answer /healthz, TypeScript transpiled by tsx (from its cache after the first start)";

export interface EngineRun {
  rows: ScenarioResult[];
  apiEnv: Record<string, string>;
  skipped: Report["skipped"];
}
