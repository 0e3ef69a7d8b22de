import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents, verifyAuditChain } from "@trace/db";
import { createTestDatabases } from "@trace/db/testing";
import { LOGIN_CHALLENGE_MS, RECOVERY_CODE_COUNT } from "@trace/domain";
import { currentTotpCode } from "./services/totp";
import { call, createHarness, loginAs, type Harness } from "./test/harness";

const engines = await createTestDatabases();

type Step = { challenge: string; next: "enrol" | "verify" };

describe.each(engines)("staff authentication [$name]", (engine) => {
  let h: Harness;
  const later = (ms: number) => {
    h.clock.now = new Date(h.clock.now.getTime() + ms);
  };
  const password = (email: string, pw: string) =>
    call<Step>(h.staffApp, "mutation", "auth.login", { email, password: pw });
  const totp = (challenge: string, code: string) =>
    call(h.staffApp, "mutation", "auth.verifySecondFactor", { challenge, method: "totp", code });
  const codeAt = (secret: string, offsetMs = 0) =>
    currentTotpCode(secret, new Date(h.clock.now.getTime() + offsetMs));
  const cookieOf = (res: { headers: Headers }) => res.headers.get("Set-Cookie")!.split(";")[0]!;

  async function loginFully(role: "analyst" | "coordinator" | "admin"): Promise<string> {
    const user = h.fixtures.users[role];
    const step = await password(user.email, user.password);
    const res = await totp(step.body.result!.data.challenge, codeAt(user.totpSecret));
    expect(res.status).toBe(200);
    return cookieOf(res);
  }

  beforeAll(async () => {
    h = await createHarness(await engine.open());
  });
  afterAll(() => engine.dispose());

  describe("second factor", () => {
    it("gives no session for a password alone", async () => {
      const { email, password: pw } = h.fixtures.users.analyst;
      const res = await password(email, pw);
      expect(res.status).toBe(200);
      expect(res.body.result!.data).toEqual({ challenge: expect.any(String), next: "verify" });
      expect(res.headers.get("Set-Cookie")).toBeNull();
      const forged = `trace_session=${res.body.result!.data.challenge}`;
      expect((await call(h.staffApp, "query", "tips.list", {}, { cookie: forged })).status).toBe(
        401,
      );
    });

    it("opens an HttpOnly, SameSite=Strict session with the TOTP code", async () => {
      later(60_000);
      const user = h.fixtures.users.analyst;
      const step = await password(user.email.toUpperCase(), user.password);
      const res = await totp(step.body.result!.data.challenge, codeAt(user.totpSecret));
      expect(res.status).toBe(200);
      expect(res.body.result!.data).toMatchObject({ email: user.email, role: "analyst" });
      const cookie = res.headers.get("Set-Cookie")!;
      expect(cookie).toMatch(/^trace_session=[A-Za-z0-9_-]{43}; /);
      expect(cookie).toContain("HttpOnly");
      expect(cookie).toContain("SameSite=Strict");
      expect(cookie).not.toContain("Secure");
      const me = await call(h.staffApp, "query", "auth.me", undefined, { cookie: cookieOf(res) });
      expect(me.body.result!.data).toMatchObject({ role: "analyst" });
    });

    it("marks the cookie Secure behind TLS", async () => {
      later(60_000);
      const user = h.fixtures.users.coordinator;
      const step = await password(user.email, user.password);
      const res = await h.staffApp.request("https://staff.example/trpc/auth.verifySecondFactor", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          challenge: step.body.result!.data.challenge,
          method: "totp",
          code: codeAt(user.totpSecret),
        }),
      });
      expect(res.headers.get("Set-Cookie")).toContain("Secure");
    });

    it("refuses a replayed code, and a challenge used twice", async () => {
      later(60_000);
      const user = h.fixtures.users.analyst;
      const code = codeAt(user.totpSecret);
      const first = await password(user.email, user.password);
      expect((await totp(first.body.result!.data.challenge, code)).status).toBe(200);
      const second = await password(user.email, user.password);
      const replay = await totp(second.body.result!.data.challenge, code);
      expect(replay.status).toBe(401);
      expect(replay.body.error!.message).toBe("The code is not correct or has already been used.");
      expect(replay.headers.get("Set-Cookie")).toBeNull();
      later(30_000);
      const reused = await totp(first.body.result!.data.challenge, codeAt(user.totpSecret));
      expect(reused.status).toBe(401);
      expect(reused.body.error!.data.appCode).toBe("login_challenge_invalid");
    });

    it("accepts one step of clock drift, not two", async () => {
      later(60_000);
      const user = h.fixtures.users.coordinator;
      const twoBehind = await password(user.email, user.password);
      expect(
        (await totp(twoBehind.body.result!.data.challenge, codeAt(user.totpSecret, -60_000)))
          .status,
      ).toBe(401);
      expect(
        (await totp(twoBehind.body.result!.data.challenge, codeAt(user.totpSecret, -30_000)))
          .status,
      ).toBe(200);
    });

    it("refuses a wrong code and an expired challenge", async () => {
      later(60_000);
      const user = h.fixtures.users.analyst;
      const step = await password(user.email, user.password);
      const code = codeAt(user.totpSecret);
      const wrong = code === "000000" ? "111111" : "000000";
      expect((await totp(step.body.result!.data.challenge, wrong)).status).toBe(401);
      later(LOGIN_CHALLENGE_MS);
      const expired = await totp(step.body.result!.data.challenge, codeAt(user.totpSecret));
      expect(expired.status).toBe(401);
      expect(expired.body.error!.data.appCode).toBe("login_challenge_invalid");
    });
  });

  describe("enrolment and recovery codes", () => {
    let email = "";
    let temporaryPassword = "";
    let secret = "";
    let recoveryCodes: string[] = [];

    it("enrols a new account at its first login and shows the recovery codes once", async () => {
      later(60_000);
      const admin = await loginAs(h, "admin");
      const created = await call<{ account: { email: string }; temporaryPassword: string }>(
        h.staffApp,
        "mutation",
        "staffAccounts.create",
        { email: "New.Analyst@test.example", displayName: "New analyst", role: "analyst" },
        { cookie: admin },
      );
      expect(created.status).toBe(200);
      ({ temporaryPassword } = created.body.result!.data);
      email = created.body.result!.data.account.email;
      expect(email).toBe("new.analyst@test.example");

      const step = await password(email, temporaryPassword);
      expect(step.body.result!.data.next).toBe("enrol");
      const { challenge } = step.body.result!.data;
      // A password alone cannot skip enrolment.
      expect((await totp(challenge, "123456")).status).toBe(401);
      const enrolment = await call<{ secret: string; otpauthUri: string; qrCodeSvg: string }>(
        h.staffApp,
        "mutation",
        "auth.startEnrolment",
        { challenge },
      );
      expect(enrolment.status).toBe(200);
      ({ secret } = enrolment.body.result!.data);
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(enrolment.body.result!.data.otpauthUri).toContain(`secret=${secret}`);
      expect(enrolment.body.result!.data.qrCodeSvg).toMatch(/^<svg/);

      const bad = await call(h.staffApp, "mutation", "auth.confirmEnrolment", {
        challenge,
        code: codeAt(secret) === "000000" ? "111111" : "000000",
      });
      expect(bad.status).toBe(401);
      const confirmed = await call<{ recoveryCodes: string[] }>(
        h.staffApp,
        "mutation",
        "auth.confirmEnrolment",
        { challenge, code: codeAt(secret) },
      );
      expect(confirmed.status).toBe(200);
      recoveryCodes = confirmed.body.result!.data.recoveryCodes;
      expect(recoveryCodes).toHaveLength(RECOVERY_CODE_COUNT);
      const me = await call(h.staffApp, "query", "auth.me", undefined, {
        cookie: cookieOf(confirmed),
      });
      expect(me.body.result!.data).toMatchObject({ email });
    });

    it("never lets an enrolled account enrol again from a password alone", async () => {
      const step = await password(email, temporaryPassword);
      expect(step.body.result!.data.next).toBe("verify");
      const res = await call(h.staffApp, "mutation", "auth.startEnrolment", {
        challenge: step.body.result!.data.challenge,
      });
      expect(res.status).toBe(401);
    });

    it("accepts each recovery code once", async () => {
      const useCode = async (code: string) => {
        const step = await password(email, temporaryPassword);
        return call(h.staffApp, "mutation", "auth.verifySecondFactor", {
          challenge: step.body.result!.data.challenge,
          method: "recovery_code",
          code: code.toLowerCase(),
        });
      };
      expect((await useCode(recoveryCodes[0]!)).status).toBe(200);
      expect((await useCode(recoveryCodes[0]!)).status).toBe(401);
      expect((await useCode(recoveryCodes[1]!)).status).toBe(200);
      const used = (await listAuditEvents(h.deps.database.db)).filter(
        (e) => e.action === "auth.recovery_code_used",
      );
      expect(used).toHaveLength(2);
      expect((await verifyAuditChain(h.deps.database.db)).brokenAt).toBeNull();
    });
  });

  describe("sessions", () => {
    it("ends every session of the user at logoutEverywhere, and no one else's", async () => {
      later(60_000);
      const first = await loginAs(h, "analyst");
      const second = await loginAs(h, "analyst");
      const other = await loginAs(h, "coordinator");
      const out = await call(h.staffApp, "mutation", "auth.logoutEverywhere", undefined, {
        cookie: first,
      });
      expect(out.status).toBe(200);
      expect(out.headers.get("Set-Cookie")).toContain("Max-Age=0");
      for (const cookie of [first, second])
        expect((await call(h.staffApp, "query", "tips.list", {}, { cookie })).status).toBe(401);
      expect((await call(h.staffApp, "query", "tips.list", {}, { cookie: other })).status).toBe(
        200,
      );
    });

    it("ends a disabled account's sessions at once and lets it back in when enabled", async () => {
      const admin = await loginAs(h, "admin");
      const victim = await loginAs(h, "coordinator");
      const { id, email, password: pw } = h.fixtures.users.coordinator;
      const disable = (isDisabled: boolean) =>
        call(
          h.staffApp,
          "mutation",
          "staffAccounts.setDisabled",
          { id, isDisabled },
          { cookie: admin },
        );
      expect((await disable(true)).status).toBe(200);
      expect((await call(h.staffApp, "query", "tips.list", {}, { cookie: victim })).status).toBe(
        401,
      );
      const refused = await password(email, pw);
      expect(refused.status).toBe(401);
      expect(refused.body.error!.message).toBe("The email address or password is not correct.");
      expect((await disable(false)).status).toBe(200);
      later(30_000);
      await loginFully("coordinator");
    });
  });

  describe("admin", () => {
    it("lists accounts without hashes or secrets", async () => {
      const admin = await loginAs(h, "admin");
      const res = await call<{ email: string; hasSecondFactor: boolean }[]>(
        h.staffApp,
        "query",
        "staffAccounts.list",
        undefined,
        { cookie: admin },
      );
      expect(res.status).toBe(200);
      expect(res.body.result!.data.map((a) => a.email)).toContain("analyst@test.example");
      expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|totp|argon/i);
    });

    it.each([
      [{ email: "x@test.example", displayName: "X", role: "agency_liaison" }, 400],
      [{ email: "y@test.example", displayName: "Y", role: "analyst", agencyId: "AGENCY" }, 400],
      [{ email: "analyst@test.example", displayName: "Again", role: "analyst" }, 409],
      [{ email: "not-an-email", displayName: "Z", role: "analyst" }, 400],
    ])("refuses to create %j with %i", async (input, status) => {
      const admin = await loginAs(h, "admin");
      const body = { ...input, ...("agencyId" in input ? { agencyId: h.fixtures.agencyId } : {}) };
      const res = await call(h.staffApp, "mutation", "staffAccounts.create", body, {
        cookie: admin,
      });
      expect(res.status).toBe(status);
    });

    it("creates a liaison of an agency", async () => {
      const admin = await loginAs(h, "admin");
      const res = await call<{ account: { agencyId: string; role: string } }>(
        h.staffApp,
        "mutation",
        "staffAccounts.create",
        {
          email: "liaison2@test.example",
          displayName: "Liaison",
          role: "agency_liaison",
          agencyId: h.fixtures.agencyId,
        },
        { cookie: admin },
      );
      expect(res.body.result!.data.account).toMatchObject({
        role: "agency_liaison",
        agencyId: h.fixtures.agencyId,
      });
    });

    it("refuses an admin's changes to their own account", async () => {
      const admin = await loginAs(h, "admin");
      const id = h.fixtures.users.admin.id;
      for (const [path, input] of [
        ["staffAccounts.setDisabled", { id, isDisabled: true }],
        ["staffAccounts.changeRole", { id, role: "analyst" }],
        ["staffAccounts.resetSecondFactor", { id }],
      ] as const) {
        const res = await call(h.staffApp, "mutation", path, input, { cookie: admin });
        expect(res.status).toBe(409);
      }
    });

    it("refuses every other role", async () => {
      const analyst = await loginAs(h, "analyst");
      const res = await call(h.staffApp, "query", "staffAccounts.list", undefined, {
        cookie: analyst,
      });
      expect(res.status).toBe(403);
    });

    it("resets a second factor: sessions end and the next login enrols", async () => {
      const admin = await loginAs(h, "admin");
      const victim = await loginAs(h, "agency_liaison");
      const { id, email, password: pw } = h.fixtures.users.agency_liaison;
      const res = await call(
        h.staffApp,
        "mutation",
        "staffAccounts.resetSecondFactor",
        { id },
        { cookie: admin },
      );
      expect(res.body.result!.data).toMatchObject({ id, hasSecondFactor: false });
      expect(
        (await call(h.staffApp, "query", "auth.me", undefined, { cookie: victim })).body.result!
          .data,
      ).toBeNull();
      expect((await password(email, pw)).body.result!.data.next).toBe("enrol");
    });

    it("changes a role, checking the agency rule", async () => {
      const admin = await loginAs(h, "admin");
      const { id } = h.fixtures.users.agency_liaison;
      const bad = await call(
        h.staffApp,
        "mutation",
        "staffAccounts.changeRole",
        { id, role: "agency_liaison" },
        { cookie: admin },
      );
      expect(bad.status).toBe(400);
      const good = await call(
        h.staffApp,
        "mutation",
        "staffAccounts.changeRole",
        { id, role: "analyst" },
        { cookie: admin },
      );
      expect(good.body.result!.data).toMatchObject({ role: "analyst", agencyId: null });
      const unknown = await call(
        h.staffApp,
        "mutation",
        "staffAccounts.setDisabled",
        { id: "00000000-0000-4000-8000-000000000000", isDisabled: true },
        { cookie: admin },
      );
      expect(unknown.status).toBe(404);
    });
  });

  describe("throttling", () => {
    it("locks one account after five failures, and not another", async () => {
      later(120_000);
      const analyst = h.fixtures.users.analyst;
      for (let i = 0; i < 5; i++)
        expect((await password(analyst.email, "wrong-password")).status).toBe(401);
      const locked = await password(analyst.email, analyst.password);
      expect(locked.status).toBe(429);
      expect(locked.body.error!.message).toBe("Too many attempts. Try again in a minute.");
      expect(locked.headers.get("Retry-After")).toBe("60");
      // Another account is unaffected.
      await loginFully("coordinator");
      later(60_000);
      await loginFully("analyst");
    });

    it("counts second-factor failures too", async () => {
      later(120_000);
      const user = h.fixtures.users.coordinator;
      const step = await password(user.email, user.password);
      const wrong = codeAt(user.totpSecret) === "000000" ? "111111" : "000000";
      for (let i = 0; i < 5; i++)
        expect((await totp(step.body.result!.data.challenge, wrong)).status).toBe(401);
      const locked = await totp(step.body.result!.data.challenge, codeAt(user.totpSecret));
      expect(locked.status).toBe(429);
      expect((await password(user.email, user.password)).status).toBe(429);
    });

    it("answers an unknown account exactly like a known one", async () => {
      later(120_000);
      for (let i = 0; i < 5; i++)
        expect((await password("nobody@test.example", "wrong-password")).status).toBe(401);
      const res = await password("nobody@test.example", "wrong-password");
      expect(res.status).toBe(429);
      expect(res.body.error!.message).toBe("Too many attempts. Try again in a minute.");
    });
  });
});
