import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { mountLocaleRedirect, negotiateLocale } from "./locale-redirect";

describe("negotiateLocale", () => {
  it.each([
    [undefined, "en"],
    ["", "en"],
    ["fr", "fr"],
    ["fr-CH, fr;q=0.9, en;q=0.8", "fr"],
    ["de;q=0.5, pl;q=0.8", "pl"],
    ["ja, pt-BR;q=0.3", "pt"],
    ["ja, zh;q=0.9", "en"],
    ["EN-gb", "en"],
    ["nl;q=0, es;q=0.1", "es"],
    ["*", "en"],
    ["garbage;;;q=x,,", "en"],
  ])("%j → %s", (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });
});

describe("mountLocaleRedirect", () => {
  const app = new Hono();
  mountLocaleRedirect(app);
  app.get("*", (c) => c.text("index.html"));

  it.each([
    ["/", "fr", "/fr/"],
    ["/objects", "de, en;q=0.5", "/de/objects"],
    ["/objects/TOA-7K3Q9M?x=1", "it-IT", "/it/objects/TOA-7K3Q9M?x=1"],
    ["/objects?category=toy&page=2", "pl", "/pl/objects?category=toy&page=2"],
    ["/check", "ja", "/en/check"],
    ["/receipt", "nl-BE", "/nl/receipt"],
    ["/statistics", "es", "/es/statistics"],
    ["/privacy", "pt-PT", "/pt/privacy"],
    ["/report-abuse", "it", "/it/report-abuse"],
  ])("%s with Accept-Language %j goes to %s", async (path, acceptLanguage, location) => {
    const res = await app.request(path, { headers: { "Accept-Language": acceptLanguage } });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(location);
    expect(res.headers.get("Vary")).toBe("Accept-Language");
    expect(res.headers.get("Set-Cookie")).toBeNull();
  });

  it.each(["/fr/", "/de/objects/TOA-7K3Q9M", "/favicon.svg", "/assets/index.js", "/unknown"])(
    "leaves %s alone",
    async (path) => {
      const res = await app.request(path, { headers: { "Accept-Language": "fr" } });
      expect(res.status).toBe(200);
      expect(await res.text()).toBe("index.html");
    },
  );
});
