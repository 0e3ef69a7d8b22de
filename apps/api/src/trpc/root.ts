import { auditRouter } from "./routers/audit";
import { authRouter } from "./routers/auth";
import { staffAccountsRouter } from "./routers/staff-accounts";
import { objectsRouter } from "./routers/objects";
import { casesRouter, seriesRouter } from "./routers/cases";
import { staffObjectsRouter } from "./routers/staff-objects";
import { staffTipsRouter } from "./routers/staff-tips";
import { statsRouter } from "./routers/stats";
import { tipsRouter } from "./routers/tips";
import { router } from "./init";

/** Served on the public listener only. Nothing here needs or reads a staff session. */
export const publicRouter = router({
  objects: objectsRouter,
  tips: tipsRouter,
  stats: statsRouter,
});

/** Served on the staff listener only; a staff procedure called on the public listener is a 404. */
export const staffRouter = router({
  auth: authRouter,
  staffAccounts: staffAccountsRouter,
  tips: staffTipsRouter,
  objects: staffObjectsRouter,
  cases: casesRouter,
  series: seriesRouter,
  audit: auditRouter,
});

export type PublicRouter = typeof publicRouter;
export type StaffRouter = typeof staffRouter;
export type { FieldError } from "./init";
