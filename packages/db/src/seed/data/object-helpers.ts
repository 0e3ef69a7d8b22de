import type { Locale, LocalizedText, ObjectCategory, ObjectStatus } from "@trace/domain";
import type { ImageSpec } from "../images";
import type { SeriesCode } from "./cases";

export interface DemoImage extends ImageSpec {
  /** Describes the synthetic drawing, per locale (English required). */
  alt: LocalizedText;
}

export interface DemoObject<K extends string = string> {
  /** A stable handle for the seed only (tips point at it); the public ref is generated. */
  key: K;
  series: SeriesCode;
  category: ObjectCategory;
  status: ObjectStatus;
  title: LocalizedText;
  question: LocalizedText;
  regionHint?: LocalizedText;
  images: readonly DemoImage[];
}

/** Keeps each key as a literal type, so a tip pointing at a missing object fails to compile. */
export function defineObjects<const K extends string>(
  objects: readonly DemoObject<K>[],
): readonly DemoObject<K>[] {
  return objects;
}

const CLOSE_UP: Record<Locale, string> = {
  en: "Close-up",
  fr: "Gros plan",
  de: "Nahaufnahme",
  nl: "Detail",
  es: "Primer plano",
  it: "Dettaglio",
  pt: "Pormenor",
  pl: "Zbliżenie",
};

/** The same drawing seen closer, with its alt text prefixed in every locale it has. */
export function closeUp(
  image: DemoImage,
  zoom: number,
  focus: readonly [number, number],
): DemoImage {
  const alt = Object.fromEntries(
    Object.entries(image.alt).map(([locale, text]) => [
      locale,
      `${CLOSE_UP[locale as Locale]}: ${text}`,
    ]),
  ) as LocalizedText;
  return { ...image, zoom, focus, alt };
}

/** Region hints as investigators word them: cautious, broad, translated. */
export const REGION = {
  latinAmerica: {
    en: "Probably Latin America",
    fr: "Probablement Amérique latine",
    de: "Wahrscheinlich Lateinamerika",
    nl: "Waarschijnlijk Latijns-Amerika",
    es: "Probablemente América Latina",
  },
  easternEurope: {
    en: "Possibly Eastern Europe",
    fr: "Peut-être Europe de l'Est",
    de: "Möglicherweise Osteuropa",
    nl: "Mogelijk Oost-Europa",
    es: "Posiblemente Europa del Este",
  },
  centralEurope: {
    en: "Possibly Central Europe",
    fr: "Peut-être Europe centrale",
    de: "Möglicherweise Mitteleuropa",
    nl: "Mogelijk Centraal-Europa",
    es: "Posiblemente Europa Central",
  },
  southernEurope: {
    en: "Probably Southern Europe",
    fr: "Probablement Europe du Sud",
    de: "Wahrscheinlich Südeuropa",
    nl: "Waarschijnlijk Zuid-Europa",
    es: "Probablemente el sur de Europa",
  },
  northernEurope: {
    en: "Possibly Northern Europe",
    fr: "Peut-être Europe du Nord",
    de: "Möglicherweise Nordeuropa",
    nl: "Mogelijk Noord-Europa",
    es: "Posiblemente el norte de Europa",
  },
  northAmerica: {
    en: "Possibly North America",
    fr: "Peut-être Amérique du Nord",
    de: "Möglicherweise Nordamerika",
    nl: "Mogelijk Noord-Amerika",
    es: "Posiblemente América del Norte",
  },
  middleEastCentralAsia: {
    en: "Possibly the Middle East or Central Asia",
    fr: "Peut-être Moyen-Orient ou Asie centrale",
    de: "Möglicherweise Naher Osten oder Zentralasien",
    nl: "Mogelijk het Midden-Oosten of Centraal-Azië",
    es: "Posiblemente Oriente Medio o Asia Central",
  },
} as const satisfies Record<string, LocalizedText>;
