import type { TipRow } from "./tip-row";

/**
 * Tips about no single object. A few report abuse unrelated to an object: the public site shows
 * hotline guidance for those and they go to the top of the queue. Worded calmly, never graphic.
 */
// prettier-ignore
export const GENERAL_TIPS: readonly TipRow[] = [
  [null, "en", "BE", null, null, null, "guess", "Several of your objects (the blue bag, the striped T-shirt, the key ring) look like things sold in Belgian seaside shops. Maybe they come from the same place."],
  [null, "nl", "NL", null, null, null, "guess", "Misschien handig: oude reclamefolders van winkelketens zijn vaak te vinden in regionale archieven.", { links: ["https://example.org/nl/folderarchief"] }],
  [null, "de", "DE", null, null, null, "guess", "Ich sammle alte Produktverpackungen und helfe gerne bei der Zuordnung, wenn Sie Fragen haben.", { hasContact: true }],
  [null, "fr", "FR", null, null, null, "guess", "Pourriez-vous publier d'autres vues de l'emballage de jus ? La face arrière aiderait beaucoup."],
  [null, "es", "ES", null, null, null, "guess", "Varios objetos parecen del sur de Europa. Sugiero preguntar en foros de coleccionistas de envases.", { links: ["https://example.org/es/foro-coleccionistas"] }],
  [null, "en", "AU", null, null, null, "guess", "The stacking rings and the shampoo bottle both look Australian to me. Possibly the same household."],
  [null, "pt", "PT", null, null, null, "guess", "Os azulejos e o comboio de madeira parecem ambos do norte de Portugal."],
  [null, "it", "IT", null, null, null, "guess", "Alcuni oggetti hanno nomi italiani (Lumetto, Brava, Tazzo). Potrebbero essere della stessa regione."],
  [null, "en", "GB", null, null, null, "guess", "This is not about an object. I came across a forum where people seem to share abusive images of children. I did not save anything. This is the address I saw.", { concernsOtherAbuse: true, links: ["https://example.org/reported-forum"] }],
  [null, "fr", "FR", null, null, null, "guess", "Ce message ne concerne pas un objet. J'ai reçu sur une messagerie un lien qui semble mener à des contenus d'abus sur mineurs. Je ne l'ai pas ouvert.", { concernsOtherAbuse: true }],
  [null, "nl", "BE", null, null, null, "guess", "Geen tip over een voorwerp: ik maak me zorgen over een kind in mijn omgeving en weet niet bij wie ik terechtkan.", { concernsOtherAbuse: true, hasContact: true }],
  [null, "de", "DE", null, null, null, "guess", "Nicht zu einem Objekt: In einem Online-Spiel hat ein Erwachsener Kinder nach privaten Fotos gefragt. Ich habe den Namen des Kontos notiert.", { concernsOtherAbuse: true }],
];
