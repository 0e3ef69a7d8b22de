import { defineObjects, type DemoImage } from "./object-helpers";
import { lamp } from "./objects-packaging-decor";
import { churchView } from "./objects-print-views-other";
import { plushBear } from "./objects-textiles-toys";

/**
 * The same picture taken again, slightly cropped, in a draft of another series: what the
 * similarity panels exist for ("may be the same room as TOA-… in series …"). Each lies within a
 * few bits of its original's perceptual hash and far from every other demo image.
 */
function retaken(image: DemoImage, zoom: number, focus: readonly [number, number]): DemoImage {
  return { ...image, zoom, focus };
}

export const SEEN_AGAIN_OBJECTS = defineObjects([
  {
    key: "church-view-again",
    series: "S-0142-B",
    category: "location_or_view",
    status: "draft",
    title: {
      en: "Church tower behind houses, seen from a window",
      fr: "Clocher derrière des maisons, vu d'une fenêtre",
      de: "Kirchturm hinter Häusern, aus einem Fenster gesehen",
      nl: "Kerktoren achter huizen, gezien vanuit een raam",
      es: "Campanario detrás de unas casas, visto desde una ventana",
    },
    question: {
      en: "Do you know this view? From which street could it be seen?",
      fr: "Connaissez-vous cette vue ? De quelle rue pourrait-on la voir ?",
      de: "Kennen Sie diesen Blick? Von welcher Straße aus könnte man ihn sehen?",
      nl: "Kent u dit uitzicht? Vanuit welke straat zou het te zien zijn?",
      es: "¿Conoce esta vista? ¿Desde qué calle podría verse?",
    },
    images: [retaken(churchView, 1.05, [0.5, 0.5])],
  },
  {
    key: "lamp-again",
    series: "S-0205-B",
    category: "furniture_or_decor",
    status: "draft",
    title: {
      en: "Yellow lamp on a bedside table",
      fr: "Lampe jaune sur une table de chevet",
      de: "Gelbe Lampe auf einem Nachttisch",
      nl: "Gele lamp op een nachtkastje",
      es: "Lámpara amarilla en una mesilla de noche",
    },
    question: {
      en: "Do you recognise this lamp? Where was it sold?",
      fr: "Reconnaissez-vous cette lampe ? Où était-elle vendue ?",
      de: "Kennen Sie diese Lampe? Wo wurde sie verkauft?",
      nl: "Herkent u deze lamp? Waar werd hij verkocht?",
      es: "¿Reconoce esta lámpara? ¿Dónde se vendía?",
    },
    images: [retaken(lamp, 1.05, [0.5, 0.5])],
  },
  {
    key: "bear-again",
    series: "S-0031-A",
    category: "toy",
    status: "draft",
    title: {
      en: "Plush bear with a red bow",
      fr: "Ours en peluche avec un nœud rouge",
      de: "Plüschbär mit roter Schleife",
      nl: "Knuffelbeer met een rode strik",
      es: "Oso de peluche con lazo rojo",
    },
    question: {
      en: "Have you seen this bear? In which shop or country?",
      fr: "Avez-vous vu cet ours ? Dans quel magasin ou quel pays ?",
      de: "Haben Sie diesen Bären gesehen? In welchem Geschäft oder Land?",
      nl: "Hebt u deze beer gezien? In welke winkel of welk land?",
      es: "¿Ha visto este oso? ¿En qué tienda o país?",
    },
    images: [retaken(plushBear, 1.15, [0.5, 0.5])],
  },
]);
