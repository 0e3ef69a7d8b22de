/**
 * The synthetic vocabulary of the scale data set: tip languages with their share, the words tips
 * are written with, and the countries they name. Everything here is invented for load testing;
 * brand and shop names are made up so that a search for one finds tips in every language.
 */
import type { LOCALES } from "@trace/domain";

export interface TipLanguage {
  code: string;
  /** Relative share of tips written in it. */
  weight: number;
  /** Countries a tipster writing in it most likely names. */
  countries: string[];
  /** `{noun}`, `{brand}`, `{place}` and `{year}` are filled in per tip. */
  templates: string[];
  nouns: string[];
}

/** The eight site languages carry most tips; the rest come from visitors using the English form. */
export const TIP_LANGUAGES: TipLanguage[] = [
  {
    code: "en",
    weight: 30,
    countries: ["GB", "IE", "US", "CA", "AU", "NZ", "MT"],
    templates: [
      "I am quite sure this {noun} was sold by {brand} around {year}, I saw it in a shop in {place}.",
      "My grandmother had the same {noun} from {brand}. We bought it in {place} in {year}.",
      "The {noun} looks like the {brand} range sold at a market in {place} until {year}.",
    ],
    nouns: ["mug", "curtain", "bedspread", "lamp", "poster", "teddy bear", "wallpaper", "t-shirt"],
  },
  {
    code: "fr",
    weight: 11,
    countries: ["FR", "BE", "CH", "LU", "CA", "MA", "SN"],
    templates: [
      "Je pense que ce {noun} vient de chez {brand}, vendu à {place} vers {year}.",
      "J'ai eu le même {noun} de {brand}, acheté dans un magasin de {place} en {year}.",
    ],
    nouns: ["mug", "rideau", "couvre-lit", "lampe", "poster", "ours en peluche", "papier peint"],
  },
  {
    code: "de",
    weight: 12,
    countries: ["DE", "AT", "CH", "LU", "LI"],
    templates: [
      "Diese {noun} gab es bei {brand} in {place}, ungefähr {year}.",
      "Ich bin ziemlich sicher, dass die {noun} von {brand} ist, gekauft in {place} im Jahr {year}.",
    ],
    nouns: ["Tasse", "Gardine", "Tagesdecke", "Lampe", "Tapete", "Kuscheltier", "Bettwäsche"],
  },
  {
    code: "nl",
    weight: 6,
    countries: ["NL", "BE", "SR"],
    templates: [
      "Deze {noun} werd verkocht door {brand} in {place}, rond {year}.",
      "Wij hadden precies dezelfde {noun} van {brand}, gekocht in {place} in {year}.",
    ],
    nouns: ["mok", "gordijn", "sprei", "lamp", "poster", "knuffelbeer", "behang"],
  },
  {
    code: "es",
    weight: 8,
    countries: ["ES", "MX", "AR", "CO", "CL", "PE"],
    templates: [
      "Creo que esta {noun} es de {brand}, la vendían en {place} hacia {year}.",
      "Tuve la misma {noun} de {brand}, comprada en una tienda de {place} en {year}.",
    ],
    nouns: ["taza", "cortina", "colcha", "lámpara", "lámina", "papel pintado", "camiseta"],
  },
  {
    code: "it",
    weight: 6,
    countries: ["IT", "CH", "SM", "MT"],
    templates: [
      "Questa {noun} era in vendita da {brand} a {place} verso il {year}.",
      "Avevo la stessa {noun} di {brand}, comprata in un negozio di {place} nel {year}.",
    ],
    nouns: ["tazza", "tenda", "coperta", "lampada", "carta da parati", "maglietta"],
  },
  {
    code: "pt",
    weight: 5,
    countries: ["PT", "BR", "AO", "MZ"],
    templates: [
      "Esta {noun} era vendida pela {brand} em {place} por volta de {year}.",
      "Tive a mesma {noun} da {brand}, comprada numa loja em {place} em {year}.",
    ],
    nouns: ["caneca", "cortina", "colcha", "lâmpada", "cartaz", "camisola"],
  },
  {
    code: "pl",
    weight: 6,
    countries: ["PL", "DE", "GB"],
    templates: [
      "Ta {noun} była sprzedawana przez {brand} w {place} około {year} roku.",
      "Miałam taką samą {noun} z {brand}, kupioną w {place} w {year}.",
    ],
    nouns: ["filiżanka", "zasłona", "narzuta", "lampa", "tapeta", "koszulka"],
  },
  {
    code: "sv",
    weight: 2,
    countries: ["SE", "FI"],
    templates: ["Den här {noun} såldes av {brand} i {place} runt {year}."],
    nouns: ["mugg", "gardin", "lampa", "tapet"],
  },
  {
    code: "da",
    weight: 1,
    countries: ["DK"],
    templates: ["Dette {noun} blev solgt af {brand} i {place} omkring {year}."],
    nouns: ["krus", "gardin", "tapet"],
  },
  {
    code: "cs",
    weight: 2,
    countries: ["CZ", "SK"],
    templates: ["Tento {noun} prodával {brand} v {place} kolem roku {year}."],
    nouns: ["hrnek", "závěs", "přehoz", "tapeta"],
  },
  {
    code: "ro",
    weight: 2,
    countries: ["RO", "MD"],
    templates: ["Această {noun} se vindea la {brand} în {place} prin {year}."],
    nouns: ["cană", "perdea", "lampă", "tapet"],
  },
  {
    code: "hu",
    weight: 1,
    countries: ["HU", "RO", "SK"],
    templates: ["Ezt a {noun} a {brand} árulta {place} városában {year} körül."],
    nouns: ["bögre", "függöny", "lámpa", "tapéta"],
  },
  {
    code: "el",
    weight: 1,
    countries: ["GR", "CY"],
    templates: ["Αυτή η {noun} πουλιόταν από την {brand} στην {place} γύρω στο {year}."],
    nouns: ["κούπα", "κουρτίνα", "λάμπα"],
  },
  {
    code: "tr",
    weight: 2,
    countries: ["TR", "DE", "CY"],
    templates: ["Bu {noun} {year} civarında {place} şehrinde {brand} tarafından satılıyordu."],
    nouns: ["kupa", "perde", "lamba", "duvar kağıdı"],
  },
  {
    code: "ru",
    weight: 2,
    countries: ["EE", "LV", "LT", "DE"],
    templates: ["Эту {noun} продавал {brand} в {place} примерно в {year} году."],
    nouns: ["кружку", "штору", "лампу", "обои"],
  },
  {
    code: "uk",
    weight: 1,
    countries: ["UA", "PL"],
    templates: ["Цю {noun} продавав {brand} у {place} приблизно в {year} році."],
    nouns: ["чашку", "штору", "лампу"],
  },
  {
    code: "ar",
    weight: 1,
    countries: ["MA", "TN", "AE", "JO"],
    templates: ["كان هذا {noun} يباع لدى {brand} في {place} حوالي عام {year}."],
    nouns: ["كوب", "ستارة", "مصباح"],
  },
  {
    code: "ja",
    weight: 1,
    countries: ["JP"],
    templates: ["この{noun}は{year}年ごろ{place}の{brand}で売られていました。"],
    nouns: ["マグカップ", "カーテン", "ランプ"],
  },
];

/** Invented brands: each occurs in tips of every language, so one search term spans them all. */
export const BRANDS = [
  "Nordlicht",
  "Belvista",
  "Kastanje",
  "Solmar",
  "Vinterhus",
  "Kobalt",
  "Marisol",
  "Lumora",
  "Tundrel",
  "Pavoni",
  "Orchidea",
  "Brightwell",
];

/** Places named in tips (city names only; no address is ever generated). */
export const PLACES = [
  "Lyon",
  "Antwerp",
  "Graz",
  "Utrecht",
  "Porto",
  "Gdansk",
  "Bologna",
  "Valencia",
  "Leeds",
  "Malmo",
  "Brno",
  "Cluj",
];

export const TIME_PERIODS = ["around 2010", "2012–2014", "before 2015", "summer 2018", "2019"];

/** Countries of the national agencies, in order; the first agency is international (no country). */
export const AGENCY_COUNTRIES = [
  "DE",
  "FR",
  "GB",
  "NL",
  "BE",
  "ES",
  "IT",
  "PT",
  "PL",
  "AT",
  "CH",
  "IE",
  "SE",
  "DK",
  "FI",
  "NO",
  "CZ",
  "SK",
  "HU",
  "RO",
  "BG",
  "GR",
  "CY",
  "MT",
  "LU",
  "EE",
  "LV",
  "LT",
  "SI",
  "HR",
  "US",
  "CA",
  "AU",
  "NZ",
  "BR",
  "MX",
  "AR",
  "TR",
  "UA",
  "MA",
  "JP",
  "ZA",
  "IN",
  "CO",
  "CL",
  "IS",
  "RS",
  "AL",
  "MD",
];

/** Object titles and questions in every site language, so locale fallbacks are exercised too. */
export const OBJECT_NOUNS: Record<(typeof LOCALES)[number], string[]> = {
  en: ["Mug", "Curtain", "Bedspread", "Lamp", "Poster", "Teddy bear", "Wallpaper", "T-shirt"],
  fr: [
    "Mug",
    "Rideau",
    "Couvre-lit",
    "Lampe",
    "Poster",
    "Ours en peluche",
    "Papier peint",
    "T-shirt",
  ],
  de: ["Tasse", "Gardine", "Tagesdecke", "Lampe", "Poster", "Teddybär", "Tapete", "T-Shirt"],
  nl: ["Mok", "Gordijn", "Sprei", "Lamp", "Poster", "Knuffelbeer", "Behang", "T-shirt"],
  es: ["Taza", "Cortina", "Colcha", "Lámpara", "Póster", "Osito", "Papel pintado", "Camiseta"],
  it: [
    "Tazza",
    "Tenda",
    "Coperta",
    "Lampada",
    "Poster",
    "Orsacchiotto",
    "Carta da parati",
    "Maglietta",
  ],
  pt: [
    "Caneca",
    "Cortina",
    "Colcha",
    "Candeeiro",
    "Cartaz",
    "Ursinho",
    "Papel de parede",
    "T-shirt",
  ],
  pl: ["Kubek", "Zasłona", "Narzuta", "Lampa", "Plakat", "Miś", "Tapeta", "Koszulka"],
};

export const OBJECT_QUESTIONS: Record<(typeof LOCALES)[number], string> = {
  en: "Do you know where this object was sold, or in which country?",
  fr: "Savez-vous où cet objet était vendu, ou dans quel pays ?",
  de: "Wissen Sie, wo dieser Gegenstand verkauft wurde oder in welchem Land?",
  nl: "Weet u waar dit voorwerp werd verkocht, of in welk land?",
  es: "¿Sabe dónde se vendía este objeto o en qué país?",
  it: "Sa dove veniva venduto questo oggetto, o in quale paese?",
  pt: "Sabe onde este objeto era vendido, ou em que país?",
  pl: "Czy wiesz, gdzie sprzedawano ten przedmiot lub w jakim kraju?",
};
