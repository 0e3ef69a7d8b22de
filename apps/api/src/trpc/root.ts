import { agencyPortalRouter } from "./routers/agency-portal";
import { agenciesRouter } from "./routers/agencies";
import { auditRouter } from "./routers/audit";
import { authRouter } from "./routers/auth";
import { staffAccountsRouter } from "./routers/staff-accounts";
import { objectsRouter } from "./routers/objects";
import { referralsRouter } from "./routers/referrals";
import { routingRouter } from "./routers/routing";
import { casesRouter, seriesRouter } from "./routers/cases";
import { deliveriesRouter } from "./routers/deliveries";
import { staffObjectsRouter } from "./routers/staff-objects";
import { staffTipsRouter } from "./routers/staff-tips";
import { similarityRouter } from "./routers/similarity";
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
  similarity: similarityRouter,
  agencies: agenciesRouter,
  deliveries: deliveriesRouter,
  routing: routingRouter,
  referrals: referralsRouter,
  agencyPortal: agencyPortalRouter,
});

export type PublicRouter = typeof publicRouter;
export type StaffRouter = typeof staffRouter;
export type { FieldError } from "./init";
