import { closeUp, defineObjects, REGION, type DemoImage } from "./object-helpers";

const poster: DemoImage = {
  motif: "poster",
  seed: 401,
  palette: ["#1f2f5a", "#f4f1ea", "#e07b39"],
  text: "ORBITA",
  subtext: "PLANETARIUM · EXPO",
  alt: {
    en: "Drawing of a poster: a white rocket with orange fins among small stars on dark blue, and the word ORBITA below.",
    fr: "Dessin d'une affiche : une fusée blanche aux ailerons orange parmi de petites étoiles sur fond bleu nuit, et le mot ORBITA dessous.",
    de: "Zeichnung eines Plakats: eine weiße Rakete mit orangefarbenen Flossen zwischen kleinen Sternen auf Dunkelblau, darunter das Wort ORBITA.",
    nl: "Tekening van een poster: een witte raket met oranje vinnen tussen kleine sterren op donkerblauw, met daaronder het woord ORBITA.",
    es: "Dibujo de un póster: un cohete blanco con aletas naranjas entre pequeñas estrellas sobre azul oscuro y la palabra ORBITA debajo.",
  },
};

const calendar: DemoImage = {
  motif: "calendar",
  seed: 402,
  palette: ["#2a6f97", "#c0392b", "#c0392b"],
  text: "JUNI",
  alt: {
    en: "Drawing of a calendar page for JUNI with spiral binding: a red and white lighthouse on a grey shore above a grid of day numbers.",
    fr: "Dessin d'une page de calendrier JUNI à reliure spirale : un phare rouge et blanc sur une côte grise, au-dessus de la grille des jours.",
    de: "Zeichnung eines Kalenderblatts JUNI mit Spiralbindung: ein rot-weißer Leuchtturm an grauer Küste über einem Raster von Tageszahlen.",
    nl: "Tekening van een kalenderblad JUNI met spiraalbinding: een rood-witte vuurtoren op een grijze kust boven een raster met dagnummers.",
    es: "Dibujo de una hoja de calendario JUNI con espiral: un faro rojo y blanco en una costa gris sobre una cuadrícula de días.",
  },
};

export const churchView: DemoImage = {
  motif: "viewChurch",
  seed: 405,
  palette: ["#7fb3dd", "#d9cdb4", "#b5543c", "#f2f0ea"],
  alt: {
    en: "Drawing of a view through a white window: a pale church tower with a clock and a dark red spire behind a row of houses.",
    fr: "Dessin d'une vue par une fenêtre blanche : un clocher clair avec une horloge et une flèche rouge foncé derrière une rangée de maisons.",
    de: "Zeichnung eines Blicks durch ein weißes Fenster: ein heller Kirchturm mit Uhr und dunkelroter Spitze hinter einer Häuserreihe.",
    nl: "Tekening van een uitzicht door een wit raam: een lichte kerktoren met een klok en een donkerrode spits achter een rij huizen.",
    es: "Dibujo de una vista desde una ventana blanca: un campanario claro con reloj y aguja rojo oscuro detrás de una fila de casas.",
  },
};

const hillsView: DemoImage = {
  motif: "viewHills",
  seed: 406,
  palette: ["#8ec5e8", "#9aa5ad", "#c98a4b", "#e8c547"],
  alt: {
    en: "Drawing of a view through a yellow window frame: ochre hills, a grey water tower on four legs and small houses with red roofs.",
    fr: "Dessin d'une vue par une fenêtre à cadre jaune : collines ocre, château d'eau gris sur quatre pieds et petites maisons aux toits rouges.",
    de: "Zeichnung eines Blicks durch einen gelben Fensterrahmen: ockerfarbene Hügel, ein grauer Wasserturm auf vier Beinen und kleine Häuser mit roten Dächern.",
    nl: "Tekening van een uitzicht door een geel raamkozijn: okerkleurige heuvels, een grijze watertoren op vier poten en huisjes met rode daken.",
    es: "Dibujo de una vista por una ventana de marco amarillo: colinas ocres, un depósito de agua gris sobre cuatro patas y casitas de tejado rojo.",
  },
};

const mug: DemoImage = {
  motif: "mug",
  seed: 409,
  palette: ["#f4f1ea", "#2f4a6d", "#e8a33d"],
  text: "Tazzo",
  alt: {
    en: "Drawing of a cream mug with an orange sun and the word Tazzo in dark blue italic letters.",
    fr: "Dessin d'une tasse crème avec un soleil orange et le mot Tazzo en italique bleu foncé.",
    de: "Zeichnung eines cremefarbenen Bechers mit orangefarbener Sonne und dem Wort Tazzo in dunkelblauer Kursivschrift.",
    nl: "Tekening van een crèmekleurige mok met een oranje zon en het woord Tazzo in donkerblauwe cursieve letters.",
    es: "Dibujo de una taza color crema con un sol naranja y la palabra Tazzo en cursiva azul oscuro.",
  },
};

export const PRINT_VIEW_AND_OTHER_OBJECTS = defineObjects([
  {
    key: "rocket-poster",
    series: "S-0205-A",
    category: "printed_matter",
    status: "published",
    title: {
      en: "Poster with a rocket and the word 'ORBITA'",
      fr: "Affiche avec une fusée et le mot « ORBITA »",
      de: "Plakat mit einer Rakete und dem Wort „ORBITA“",
      nl: "Poster met een raket en het woord 'ORBITA'",
      es: "Póster con un cohete y la palabra «ORBITA»",
    },
    question: {
      en: "Do you recognise this poster? Where was it shown or sold?",
      fr: "Reconnaissez-vous cette affiche ? Où était-elle exposée ou vendue ?",
      de: "Kennen Sie dieses Plakat? Wo hing es oder wo wurde es verkauft?",
      nl: "Herkent u deze poster? Waar hing hij of waar werd hij verkocht?",
      es: "¿Reconoce este póster? ¿Dónde se exhibía o se vendía?",
    },
    images: [poster, closeUp(poster, 2, [0.5, 0.86])],
  },
  {
    key: "lighthouse-calendar",
    series: "S-0087-B",
    category: "printed_matter",
    status: "published",
    title: {
      en: "Calendar page with a lighthouse picture",
      fr: "Page de calendrier avec un phare",
      de: "Kalenderblatt mit einem Leuchtturm",
      nl: "Kalenderblad met een vuurtoren",
      es: "Hoja de calendario con un faro",
    },
    question: {
      en: "Do you know this calendar or this lighthouse?",
      fr: "Connaissez-vous ce calendrier ou ce phare ?",
      de: "Kennen Sie diesen Kalender oder diesen Leuchtturm?",
      nl: "Kent u deze kalender of deze vuurtoren?",
      es: "¿Conoce este calendario o este faro?",
    },
    regionHint: REGION.northernEurope,
    images: [calendar, closeUp(calendar, 2.2, [0.6, 0.3])],
  },
  {
    key: "magazine-cover",
    series: "S-0142-B",
    category: "printed_matter",
    status: "published",
    title: { en: "Magazine cover with the title 'Domilla'" },
    question: { en: "Do you know this magazine? In which country was it sold?" },
    regionHint: REGION.latinAmerica,
    images: [
      {
        motif: "magazine",
        seed: 403,
        palette: ["#f7e8d0", "#7a1f2b", "#e07b39"],
        text: "Domilla",
        subtext: "RECETAS FÁCILES",
        alt: {
          en: "Drawing of a magazine cover titled Domilla in dark red, with a flower-pattern picture, grey text lines and a barcode.",
        },
      },
    ],
  },
  {
    key: "game-box",
    series: "S-0205-B",
    category: "printed_matter",
    status: "in_review",
    title: { en: "Board-game box with three castle towers" },
    question: { en: "Do you recognise this board game?" },
    images: [
      {
        motif: "gameBox",
        seed: 404,
        palette: ["#7a1f2b", "#f4efe2", "#d9a441"],
        text: "Kastello",
        subtext: "A GAME FOR 2–4 PLAYERS",
        alt: {
          en: "Drawing of a board-game lid with a red checked border, three gold castle towers and the name Kastello on a red oval.",
        },
      },
    ],
  },
  {
    key: "church-view",
    series: "S-0087-A",
    category: "location_or_view",
    status: "published",
    title: {
      en: "View of a church tower from a window",
      fr: "Vue d'un clocher depuis une fenêtre",
      de: "Blick aus einem Fenster auf einen Kirchturm",
      nl: "Uitzicht op een kerktoren vanuit een raam",
      es: "Vista de un campanario desde una ventana",
    },
    question: {
      en: "Do you recognise this church tower? In which town is it?",
      fr: "Reconnaissez-vous ce clocher ? Dans quelle ville se trouve-t-il ?",
      de: "Erkennen Sie diesen Kirchturm? In welchem Ort steht er?",
      nl: "Herkent u deze kerktoren? In welke plaats staat hij?",
      es: "¿Reconoce este campanario? ¿En qué localidad está?",
    },
    images: [churchView, closeUp(churchView, 2.5, [0.66, 0.3])],
  },
  {
    key: "hills-view",
    series: "S-0142-B",
    category: "location_or_view",
    status: "published",
    title: {
      en: "View of hills and a water tower from a window",
      fr: "Vue de collines et d'un château d'eau depuis une fenêtre",
      de: "Blick aus einem Fenster auf Hügel und einen Wasserturm",
      nl: "Uitzicht op heuvels en een watertoren vanuit een raam",
      es: "Vista de colinas y un depósito de agua desde una ventana",
    },
    question: {
      en: "Do you know this landscape? Where could this window be?",
      fr: "Connaissez-vous ce paysage ? Où pourrait se trouver cette fenêtre ?",
      de: "Kennen Sie diese Landschaft? Wo könnte dieses Fenster sein?",
      nl: "Kent u dit landschap? Waar zou dit raam kunnen zijn?",
      es: "¿Conoce este paisaje? ¿Dónde podría estar esta ventana?",
    },
    regionHint: REGION.latinAmerica,
    images: [hillsView, closeUp(hillsView, 2.5, [0.33, 0.5])],
  },
  {
    key: "skyline-view",
    series: "S-0142-B",
    category: "location_or_view",
    status: "published",
    title: { en: "City skyline with a tall antenna, seen through blinds" },
    question: { en: "Do you recognise this skyline or this tower?" },
    regionHint: REGION.northAmerica,
    images: [
      {
        motif: "viewSkyline",
        seed: 407,
        palette: ["#9cc3e0", "#6d7f8f", "#c0392b", "#e9e5dc"],
        alt: {
          en: "Drawing of a city skyline through a window with half-lowered blinds: grey blocks with lit windows and a tall antenna tower.",
        },
      },
    ],
  },
  {
    key: "balcony-view",
    series: "S-0205-A",
    category: "location_or_view",
    status: "published",
    title: { en: "Balcony railing and a house with a red roof opposite" },
    question: { en: "Do you know this street? Where could this balcony be?" },
    images: [
      {
        motif: "viewBalcony",
        seed: 408,
        palette: ["#86b6dc", "#f4f4f0", "#b5543c", "#3e6b4f"],
        alt: {
          en: "Drawing of a white balcony railing in front of a cream house with a red roof, a chimney and green window shutters.",
        },
      },
    ],
  },
  {
    key: "sun-mug",
    series: "S-0087-B",
    category: "other",
    status: "published",
    title: {
      en: "Mug with a sun and the word 'Tazzo'",
      fr: "Tasse avec un soleil et le mot « Tazzo »",
      de: "Becher mit einer Sonne und dem Wort „Tazzo“",
      nl: "Mok met een zon en het woord 'Tazzo'",
      es: "Taza con un sol y la palabra «Tazzo»",
    },
    question: {
      en: "Have you seen this mug? Was it a souvenir or a gift from a company?",
      fr: "Avez-vous vu cette tasse ? Était-ce un souvenir ou un cadeau d'entreprise ?",
      de: "Haben Sie diesen Becher gesehen? War er ein Souvenir oder ein Werbegeschenk?",
      nl: "Hebt u deze mok gezien? Was het een souvenir of een relatiegeschenk?",
      es: "¿Ha visto esta taza? ¿Era un recuerdo o un regalo de empresa?",
    },
    images: [mug],
  },
  {
    key: "fish-keyring",
    series: "S-0142-A",
    category: "other",
    status: "published",
    title: { en: "Key ring with a plastic fish" },
    question: { en: "Do you recognise this key ring? Where was it given away or sold?" },
    images: [
      {
        motif: "keyring",
        seed: 410,
        palette: ["#2aa198", "#ffffff"],
        text: "MARO",
        alt: {
          en: "Drawing of a metal key ring with a short chain and a turquoise plastic fish charm with the word MARO.",
        },
      },
    ],
  },
]);
