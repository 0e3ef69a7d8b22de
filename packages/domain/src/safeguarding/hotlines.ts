import type { CountryCode } from "../shared/country";

// Plain data, no zod here: the public site's safeguarding page imports this file, and its chunk
// must not pull in zod (see the bundle budget). The schema that checks it is in hotline-schema.ts.

/** What a phone number other than the emergency number is for; the site names each kind. */
export const SAFEGUARDING_LINE_KINDS = [
  /** The police when it is not an emergency. */
  "police",
  /** A line for children and young people (the 116 111 family of child helplines). */
  "child_helpline",
  /** A line for adults who are worried about a child. */
  "child_protection",
  /** The phone line of the national reporting hotline for abuse material online. */
  "reporting_line",
] as const;
export type SafeguardingLineKind = (typeof SAFEGUARDING_LINE_KINDS)[number];

export interface SafeguardingLine {
  kind: SafeguardingLineKind;
  /** The organisation's own name, not translated. */
  name: string;
  /** As dialled inside the country, digits and spaces. */
  phone: string;
}

/**
 * Where a person in one country reports abuse, and where to turn at once. Only facts that were
 * checked against the organisation's own pages (or, for phone numbers, a national authority's)
 * are here: a country whose hotline could not be confirmed has none rather than a guess.
 */
export interface SafeguardingContacts {
  country: CountryCode;
  /** Emergency numbers, the one to show first first (112 in the EU and EEA). */
  emergency: readonly string[];
  /**
   * The national hotline for reporting child sexual abuse material found online (in most
   * countries a member of the INHOPE network), with the address of its site or report form.
   */
  onlineHotline?: { name: string; url: string };
  lines: readonly SafeguardingLine[];
  /** When the entry was last checked, ISO date. */
  checked: string;
  /** Where the facts were checked. */
  source: string;
}

const CHECKED = "2026-12-03";
const EU_EMERGENCY = ["112"] as const;

/**
 * One entry per country: the EU and EEA (Liechtenstein left out: no national hotline or
 * helpline could be confirmed), the United Kingdom, Switzerland, the United States, Canada and
 * Australia. Keep it sorted by country code; hotlines.test.ts checks every entry.
 */
export const SAFEGUARDING_CONTACTS: readonly SafeguardingContacts[] = [
  {
    country: "AT",
    emergency: ["112", "133"],
    onlineHotline: { name: "Stopline", url: "https://www.stopline.at" },
    lines: [],
    checked: CHECKED,
    source: "stopline.at (Meldestelle, INHOPE member, run by ISPA); 133 is the police.",
  },
  {
    country: "AU",
    emergency: ["000", "112"],
    onlineHotline: {
      name: "eSafety Commissioner",
      url: "https://www.esafety.gov.au/report",
    },
    lines: [],
    checked: CHECKED,
    source: "esafety.gov.au (the Australian INHOPE member); 112 works from mobile phones.",
  },
  {
    country: "BE",
    emergency: EU_EMERGENCY,
    onlineHotline: { name: "Child Focus", url: "https://childfocus.be" },
    lines: [],
    checked: CHECKED,
    source: "childfocus.be, civil hotline for images of child sexual abuse (INHOPE member).",
  },
  {
    country: "BG",
    emergency: EU_EMERGENCY,
    onlineHotline: {
      name: "SafeNet.bg – Национален център за безопасен интернет",
      url: "https://www.safenet.bg",
    },
    lines: [],
    checked: CHECKED,
    source: "safenet.bg (hotline of the Bulgarian Safer Internet Centre).",
  },
  {
    country: "CA",
    emergency: ["911"],
    onlineHotline: { name: "Cybertip.ca", url: "https://www.cybertip.ca" },
    lines: [{ kind: "reporting_line", name: "Cybertip.ca", phone: "1 866 658 9022" }],
    checked: CHECKED,
    source: "cybertip.ca (Canadian Centre for Child Protection), how it works page.",
  },
  {
    country: "CH",
    emergency: ["112", "117"],
    onlineHotline: { name: "clickandstop.ch", url: "https://www.clickandstop.ch" },
    lines: [],
    checked: CHECKED,
    source:
      "kinderschutz.ch: national reporting point run by Kinderschutz Schweiz and the Guido " +
      "Fluri Stiftung, reports passed to fedpol; 117 is the police.",
  },
  {
    country: "CY",
    emergency: EU_EMERGENCY,
    onlineHotline: { name: "CyberEthics Hotline", url: "https://www.cyberethics.info" },
    lines: [],
    checked: CHECKED,
    source: "cyberethics.info (Cyprus Safer Internet Centre, INHOPE member).",
  },
  {
    country: "CZ",
    emergency: EU_EMERGENCY,
    onlineHotline: { name: "STOPonline.cz", url: "https://www.stoponline.cz" },
    lines: [],
    checked: CHECKED,
    source: "stoponline.cz (run by CZ.NIC, INHOPE member since 2017).",
  },
  {
    country: "DE",
    emergency: ["112", "110"],
    onlineHotline: {
      name: "Internet-Beschwerdestelle (eco und FSM)",
      url: "https://www.internet-beschwerdestelle.de",
    },
    lines: [{ kind: "child_helpline", name: "Nummer gegen Kummer", phone: "116 111" }],
    checked: CHECKED,
    source:
      "internet-beschwerdestelle.de (joint portal of the eco and FSM hotlines); " +
      "bmfsfj.de for 116 111; 110 is the police.",
  },
  {
    country: "DK",
    emergency: EU_EMERGENCY,
    onlineHotline: {
      name: "Red Barnet – AnmeldDet",
      url: "https://redbarnet.dk/anmelddet",
    },
    lines: [],
    checked: CHECKED,
    source: "redbarnet.dk (Save the Children Denmark hotline, INHOPE member).",
  },
  {
    country: "EE",
    emergency: EU_EMERGENCY,
    onlineHotline: { name: "Vihjeliin (Lastekaitse Liit)", url: "https://www.vihjeliin.ee" },
    lines: [],
    checked: CHECKED,
    source: "targaltinternetis.ee (Estonian Safer Internet Centre) on the Vihjeliin hotline.",
  },
  {
    country: "ES",
    emergency: EU_EMERGENCY,
    onlineHotline: { name: "INCIBE", url: "https://www.incibe.es/menores" },
    lines: [
      {
        kind: "child_helpline",
        name: "Fundación ANAR",
        phone: "900 20 20 10",
      },
    ],
    checked: CHECKED,
    source:
      "inhope.org (INCIBE's hotline service is the Spanish INHOPE member; its report line is " +
      "reached from incibe.es/menores); Fundación ANAR for 900 20 20 10.",
  },
  {
    country: "FI",
    emergency: EU_EMERGENCY,
    onlineHotline: {
      name: "Nettivihje (Pelastakaa Lapset)",
      url: "https://www.pelastakaalapset.fi/tyomme/mita-teemme/lasten-suojeleminen/nettivihje/",
    },
    lines: [],
    checked: CHECKED,
    source: "pelastakaalapset.fi (Save the Children Finland hotline, INHOPE member).",
  },
  {
    country: "FR",
    emergency: ["112", "17"],
    onlineHotline: { name: "Point de Contact", url: "https://www.pointdecontact.net" },
    lines: [{ kind: "child_protection", name: "Allô 119 – Enfance en danger", phone: "119" }],
    checked: CHECKED,
    source:
      "pointdecontact.net (INHOPE member); childhelplineinternational.org for Allô 119; " +
      "17 is the police.",
  },
  {
    country: "GB",
    emergency: ["999", "112"],
    onlineHotline: { name: "Internet Watch Foundation", url: "https://www.iwf.org.uk" },
    lines: [
      { kind: "child_protection", name: "NSPCC Helpline", phone: "0808 800 5000" },
      { kind: "child_helpline", name: "Childline", phone: "0800 1111" },
    ],
    checked: CHECKED,
    source: "iwf.org.uk (founding INHOPE member); nspcc.org.uk for both phone numbers.",
  },
  {
    country: "GR",
    emergency: EU_EMERGENCY,
    onlineHotline: { name: "SafeLine", url: "https://www.safeline.gr" },
    lines: [],
    checked: CHECKED,
    source: "safeline.gr (Greek hotline run by FORTH, INHOPE member since 2005).",
  },
  {
    country: "HR",
    emergency: EU_EMERGENCY,
    onlineHotline: {
      name: "Centar za nestalu i zlostavljanu djecu",
      url: "https://cnzd.org/hotline-hr",
    },
    lines: [],
    checked: CHECKED,
    source: "cnzd.org (report form; all reports are forwarded to the police).",
  },
  {
    country: "HU",
    emergency: EU_EMERGENCY,
    onlineHotline: {
      name: "Internet Hotline (NMHH)",
      url: "https://nmhh.hu/internethotline/",
    },
    lines: [],
    checked: CHECKED,
    source: "english.nmhh.hu (run by the media authority, INHOPE member).",
  },
  {
    country: "IE",
    emergency: ["112", "999"],
    onlineHotline: { name: "Hotline.ie", url: "https://hotline.ie/report" },
    lines: [{ kind: "child_helpline", name: "ISPCC Childline", phone: "1800 66 66 66" }],
    checked: CHECKED,
    source: "hotline.ie (national reporting centre, INHOPE member); ISPCC for Childline.",
  },
  {
    country: "IS",
    emergency: EU_EMERGENCY,
    onlineHotline: {
      name: "Barnaheill – Save the Children á Íslandi",
      url: "https://www.barnaheill.is",
    },
    lines: [],
    checked: CHECKED,
    source: "112.is (Icelandic emergency line) on the Barnaheill tip line.",
  },
  {
    country: "IT",
    emergency: EU_EMERGENCY,
    onlineHotline: {
      name: "Telefono Azzurro – Clicca e segnala",
      url: "https://azzurro.it/clicca-e-segnala/",
    },
    lines: [{ kind: "child_protection", name: "114 Emergenza Infanzia", phone: "114" }],
    checked: CHECKED,
    source:
      "azzurro.it (reports go to the Polizia Postale's CNCPO); azzurro.it for 114 Emergenza " +
      "Infanzia.",
  },
  {
    country: "LT",
    emergency: EU_EMERGENCY,
    onlineHotline: {
      name: "Švarus internetas (RRT)",
      url: "https://www.svarusinternetas.lt",
    },
    lines: [],
    checked: CHECKED,
    source: "svarusinternetas.lt (run by the communications regulator RRT, INHOPE member).",
  },
  {
    country: "LU",
    emergency: ["112", "113"],
    onlineHotline: { name: "BEE SECURE Stopline", url: "https://stopline.bee-secure.lu" },
    lines: [{ kind: "child_helpline", name: "Kanner-Jugendtelefon", phone: "116 111" }],
    checked: CHECKED,
    source: "stopline.bee-secure.lu; paperjam.lu for the Kanner-Jugendtelefon; 113 is the police.",
  },
  {
    country: "LV",
    emergency: EU_EMERGENCY,
    onlineHotline: { name: "Drossinternets.lv", url: "https://drossinternets.lv" },
    lines: [{ kind: "child_helpline", name: "Uzticības tālrunis", phone: "116 111" }],
    checked: CHECKED,
    source: "drossinternets.lv (Latvian Safer Internet Centre, INHOPE member).",
  },
  {
    country: "MT",
    emergency: EU_EMERGENCY,
    onlineHotline: { name: "Childwebalert", url: "https://childwebalert.gov.mt" },
    lines: [{ kind: "reporting_line", name: "Supportline", phone: "179" }],
    checked: CHECKED,
    source: "childwebalert.gov.mt and fsws.gov.mt (Aġenzija Appoġġ, INHOPE member).",
  },
  {
    country: "NL",
    emergency: EU_EMERGENCY,
    onlineHotline: {
      name: "Meldpunt Kinderporno (Offlimits)",
      url: "https://www.meldpunt-kinderporno.nl",
    },
    lines: [
      { kind: "police", name: "Politie", phone: "0900 8844" },
      { kind: "child_protection", name: "Veilig Thuis", phone: "0800 2000" },
    ],
    checked: CHECKED,
    source: "meldpunt-kinderporno.nl and politie.nl for all three numbers.",
  },
  {
    country: "NO",
    emergency: EU_EMERGENCY,
    onlineHotline: {
      name: "Politiets tipsmottak (Kripos)",
      url: "https://www.politiet.no/tjenester/tips-politiet/seksuell-utnyttelse-av-barn-pa-internett/",
    },
    lines: [{ kind: "police", name: "Politiet", phone: "02800" }],
    checked: CHECKED,
    source: "politiet.no (the police's tip service, staffed around the clock by Kripos).",
  },
  {
    country: "PL",
    emergency: EU_EMERGENCY,
    onlineHotline: { name: "Dyżurnet.pl (NASK)", url: "https://dyzurnet.pl" },
    lines: [
      {
        kind: "child_helpline",
        name: "Telefon Zaufania dla Dzieci i Młodzieży (Fundacja Dajemy Dzieciom Siłę)",
        phone: "116 111",
      },
    ],
    checked: CHECKED,
    source: "dyzurnet.pl (NASK, INHOPE member); fdds.pl for 116 111.",
  },
  {
    country: "PT",
    emergency: EU_EMERGENCY,
    onlineHotline: {
      name: "Linha Internet Segura (APAV)",
      url: "https://www.apav.pt/cibercrime/index.php/linha-internet-segura",
    },
    lines: [{ kind: "reporting_line", name: "Linha Internet Segura", phone: "800 21 90 90" }],
    checked: CHECKED,
    source: "apav.pt (the hotline of the Portuguese Safer Internet Centre).",
  },
  {
    country: "RO",
    emergency: EU_EMERGENCY,
    onlineHotline: { name: "esc_ABUZ (Salvați Copiii)", url: "https://oradenet.ro/esc-abuz-en" },
    lines: [],
    checked: CHECKED,
    source: "oradenet.ro (Save the Children Romania's reporting line).",
  },
  {
    country: "SE",
    emergency: EU_EMERGENCY,
    onlineHotline: { name: "ECPAT Hotline", url: "https://ecpat.se/hotline/" },
    lines: [],
    checked: CHECKED,
    source: "ecpat.se (ECPAT Sweden, INHOPE member).",
  },
  {
    country: "SI",
    emergency: EU_EMERGENCY,
    onlineHotline: { name: "Spletno oko", url: "https://www.spletno-oko.si" },
    lines: [],
    checked: CHECKED,
    source: "spletno-oko.si (Slovenian Safer Internet Centre hotline, INHOPE member).",
  },
  {
    country: "SK",
    emergency: EU_EMERGENCY,
    onlineHotline: { name: "Stopline.sk", url: "https://www.stopline.sk" },
    lines: [],
    checked: CHECKED,
    source: "stopline.sk (national reporting centre run by eSlovensko).",
  },
  {
    country: "US",
    emergency: ["911"],
    onlineHotline: { name: "NCMEC CyberTipline", url: "https://report.cybertip.org" },
    lines: [{ kind: "reporting_line", name: "NCMEC CyberTipline", phone: "1 800 843 5678" }],
    checked: CHECKED,
    source: "report.cybertip.org (National Center for Missing & Exploited Children).",
  },
];

/** The entry for `country`, if the list has one. */
export function safeguardingContactsFor(country: string): SafeguardingContacts | undefined {
  return SAFEGUARDING_CONTACTS.find((entry) => entry.country === country);
}
