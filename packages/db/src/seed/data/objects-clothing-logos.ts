import { closeUp, defineObjects, REGION, type DemoImage } from "./object-helpers";

export const korvaBag: DemoImage = {
  motif: "bag",
  seed: 101,
  palette: ["#1f4e9c", "#ffffff"],
  text: "KORVA",
  subtext: "SPORT · CITY",
  alt: {
    en: "Drawing of a blue tote bag with two handles and a white logo: a triangle in a circle above the word KORVA.",
    fr: "Dessin d'un sac cabas bleu à deux anses avec un logo blanc : un triangle dans un cercle au-dessus du mot KORVA.",
    de: "Zeichnung einer blauen Tragetasche mit zwei Henkeln und weißem Logo: ein Dreieck im Kreis über dem Wort KORVA.",
    nl: "Tekening van een blauwe draagtas met twee hengsels en een wit logo: een driehoek in een cirkel boven het woord KORVA.",
    es: "Dibujo de una bolsa azul con dos asas y un logotipo blanco: un triángulo en un círculo sobre la palabra KORVA.",
  },
};

const stripedShirt: DemoImage = {
  motif: "tshirt",
  seed: 102,
  palette: ["#ffffff", "#c0392b", "#1f3a5f", "#f2c94c"],
  text: "STELLO",
  alt: {
    en: "Drawing of a T-shirt with diagonal red, white and navy stripes and a yellow star on the chest above the word STELLO.",
    fr: "Dessin d'un T-shirt à rayures diagonales rouges, blanches et marine, avec une étoile jaune sur la poitrine au-dessus du mot STELLO.",
    de: "Zeichnung eines T-Shirts mit diagonalen roten, weißen und dunkelblauen Streifen und einem gelben Stern über dem Wort STELLO.",
    nl: "Tekening van een T-shirt met schuine rode, witte en donkerblauwe strepen en een gele ster boven het woord STELLO.",
    es: "Dibujo de una camiseta con rayas diagonales rojas, blancas y azul marino y una estrella amarilla sobre la palabra STELLO.",
  },
};

const nordaBag: DemoImage = {
  motif: "bag",
  seed: 107,
  palette: ["#2b2b2b", "#f2c94c"],
  text: "NORDA",
  subtext: "ATHLETIC",
  zoom: 1.7,
  focus: [0.5, 0.62],
  alt: {
    en: "Drawing of the front of a black bag with the yellow word NORDA and the smaller word ATHLETIC below it.",
  },
};

const lumettoSign: DemoImage = {
  motif: "sign",
  seed: 105,
  palette: ["#1e5a4c", "#f3e6c4", "#1e5a4c"],
  text: "Lumetto",
  subtext: "PANETTERIA · CAFFÈ",
  alt: {
    en: "Drawing of a green shop sign on a brick wall with the name Lumetto in cream italic letters, above a striped awning.",
    fr: "Dessin d'une enseigne verte sur un mur de briques avec le nom Lumetto en italique crème, au-dessus d'un store rayé.",
    de: "Zeichnung eines grünen Ladenschilds an einer Backsteinwand mit dem Namen Lumetto in cremefarbener Kursivschrift über einer gestreiften Markise.",
    nl: "Tekening van een groen winkelbord op een bakstenen muur met de naam Lumetto in crèmekleurige cursieve letters, boven een gestreepte luifel.",
    es: "Dibujo de un letrero verde en una pared de ladrillo con el nombre Lumetto en cursiva color crema, sobre un toldo a rayas.",
  },
};

export const CLOTHING_AND_LOGO_OBJECTS = defineObjects([
  {
    key: "korva-bag",
    series: "S-0142-A",
    category: "clothing",
    status: "published",
    title: {
      en: "Blue bag with a white logo",
      fr: "Sac bleu avec un logo blanc",
      de: "Blaue Tasche mit weißem Logo",
      nl: "Blauwe tas met een wit logo",
      es: "Bolsa azul con un logotipo blanco",
    },
    question: {
      en: "Do you recognise this bag? Where was it sold?",
      fr: "Reconnaissez-vous ce sac ? Où était-il vendu ?",
      de: "Erkennen Sie diese Tasche? Wo wurde sie verkauft?",
      nl: "Herkent u deze tas? Waar werd hij verkocht?",
      es: "¿Reconoce esta bolsa? ¿Dónde se vendía?",
    },
    images: [korvaBag, closeUp(korvaBag, 2.2, [0.5, 0.55]), closeUp(korvaBag, 3.5, [0.5, 0.52])],
  },
  {
    key: "striped-tshirt",
    series: "S-0142-A",
    category: "clothing",
    status: "published",
    title: {
      en: "T-shirt with red and white stripes and a star print",
      fr: "T-shirt à rayures rouges et blanches avec une étoile imprimée",
      de: "T-Shirt mit roten und weißen Streifen und Sternaufdruck",
      nl: "T-shirt met rode en witte strepen en een sterprint",
      es: "Camiseta de rayas rojas y blancas con una estrella estampada",
    },
    question: {
      en: "Have you seen this T-shirt in a shop or a catalogue?",
      fr: "Avez-vous vu ce T-shirt dans un magasin ou un catalogue ?",
      de: "Haben Sie dieses T-Shirt in einem Geschäft oder Katalog gesehen?",
      nl: "Hebt u dit T-shirt in een winkel of catalogus gezien?",
      es: "¿Ha visto esta camiseta en una tienda o un catálogo?",
    },
    images: [stripedShirt, closeUp(stripedShirt, 2.4, [0.5, 0.45])],
  },
  {
    key: "knitted-cap",
    series: "S-0087-A",
    category: "clothing",
    status: "published",
    title: { en: "Knitted cap with a zigzag pattern and a pompom" },
    question: { en: "Do you know where this cap was made or sold?" },
    regionHint: REGION.easternEurope,
    images: [
      {
        motif: "cap",
        seed: 103,
        palette: ["#f4efe6", "#2f5d8a", "#c0463c"],
        alt: {
          en: "Drawing of a knitted cap with blue and red zigzag rows, a ribbed blue brim and a red pompom.",
        },
      },
    ],
  },
  {
    key: "badge-jacket",
    series: "S-0205-B",
    category: "clothing",
    status: "draft",
    title: { en: "Dark sports jacket with a green shoulder badge" },
    question: { en: "Do you recognise the badge on this jacket?" },
    images: [
      {
        motif: "jacket",
        seed: 104,
        palette: ["#243447", "#2e8b57", "#d0d4d8"],
        text: "FK",
        alt: {
          en: "Drawing of a dark blue zipped sports jacket with a green shield-shaped badge marked FK on the left shoulder.",
        },
      },
    ],
  },
  {
    key: "lumetto-sign",
    series: "S-0142-A",
    category: "logo_or_text",
    status: "published",
    title: {
      en: "Shop sign with the name 'Lumetto'",
      fr: "Enseigne de magasin au nom de « Lumetto »",
      de: "Ladenschild mit dem Namen „Lumetto“",
      nl: "Winkelbord met de naam 'Lumetto'",
      es: "Letrero de tienda con el nombre «Lumetto»",
    },
    question: {
      en: "Do you recognise this shop sign? In which town is the shop?",
      fr: "Reconnaissez-vous cette enseigne ? Dans quelle ville se trouve le magasin ?",
      de: "Kennen Sie dieses Ladenschild? In welcher Stadt ist das Geschäft?",
      nl: "Herkent u dit winkelbord? In welke plaats is de winkel?",
      es: "¿Reconoce este letrero? ¿En qué ciudad está la tienda?",
    },
    regionHint: REGION.southernEurope,
    images: [lumettoSign, closeUp(lumettoSign, 1.8, [0.5, 0.38])],
  },
  {
    key: "velda-cap",
    series: "S-0031-B",
    category: "logo_or_text",
    status: "origin_found",
    title: { en: "Bottle cap with the word 'VELDA' and a leaf" },
    question: { en: "Do you know this drink brand?" },
    regionHint: REGION.southernEurope,
    images: [
      {
        motif: "capLabel",
        seed: 106,
        palette: ["#2f6f3e", "#f7f3e8", "#5aa05a"],
        text: "VELDA",
        subtext: "AGUA MINERAL",
        square: true,
        alt: {
          en: "Drawing of a green ridged bottle cap seen from above, with a leaf and the word VELDA on a cream disc.",
        },
      },
    ],
  },
  {
    key: "norda-logo",
    series: "S-0087-B",
    category: "logo_or_text",
    status: "published",
    title: { en: "Logo 'NORDA' on a black sports bag" },
    question: { en: "Do you know this logo? Which shop or club used it?" },
    regionHint: REGION.centralEurope,
    images: [nordaBag, closeUp(nordaBag, 3, [0.5, 0.62])],
  },
  {
    key: "clothing-label",
    series: "S-0205-B",
    category: "logo_or_text",
    status: "in_review",
    title: { en: "Sewn-in clothing label with three circles" },
    question: { en: "Do you recognise this label? Which brand or shop is it from?" },
    images: [
      {
        motif: "tag",
        seed: 108,
        palette: ["#fbfaf5", "#333333", "#2a5ca8"],
        text: "TRIVO",
        subtext: "100% COTTON",
        alt: {
          en: "Drawing of a white sewn-in label with three overlapping blue circles, the word TRIVO, size M and four care symbols.",
        },
      },
    ],
  },
]);
