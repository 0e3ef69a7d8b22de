import { closeUp, defineObjects, REGION, type DemoImage } from "./object-helpers";

const soapWrapper: DemoImage = {
  motif: "wrapper",
  seed: 201,
  palette: ["#f6f0e2", "#2f4a6d", "#b08d57"],
  text: "Hotel Marelle",
  subtext: "SAVON · SOAP · SEIFE",
  alt: {
    en: "Drawing of a cream paper soap wrapper with a gold border, a circled letter H and the name Hotel Marelle in dark blue.",
    fr: "Dessin d'un emballage de savon en papier crème, bordure dorée, lettre H dans un cercle et nom Hotel Marelle en bleu foncé.",
    de: "Zeichnung einer cremefarbenen Seifenverpackung aus Papier mit Goldrand, einem H im Kreis und dem Namen Hotel Marelle in Dunkelblau.",
    nl: "Tekening van een crèmekleurige papieren zeepverpakking met gouden rand, een letter H in een cirkel en de naam Hotel Marelle in donkerblauw.",
    es: "Dibujo de un envoltorio de jabón de papel crema con borde dorado, una H en un círculo y el nombre Hotel Marelle en azul oscuro.",
  },
};

const biscuitBox: DemoImage = {
  motif: "box",
  seed: 203,
  palette: ["#2c5fa8", "#ffffff", "#e1a23a"],
  text: "Brava",
  subtext: "BISCOTTI ALL'ARANCIA",
  alt: {
    en: "Drawing of a biscuit tin lid with a blue checked border, an orange star and the name Brava on a blue oval.",
    fr: "Dessin d'un couvercle de boîte à biscuits à bordure à carreaux bleus, avec une étoile orange et le nom Brava sur un ovale bleu.",
    de: "Zeichnung eines Keksdosendeckels mit blau kariertem Rand, einem orangefarbenen Stern und dem Namen Brava auf einem blauen Oval.",
    nl: "Tekening van een koekjestrommeldeksel met een blauw geruite rand, een oranje ster en de naam Brava op een blauw ovaal.",
    es: "Dibujo de la tapa de una caja de galletas con borde de cuadros azules, una estrella naranja y el nombre Brava sobre un óvalo azul.",
  },
};

export const lamp: DemoImage = {
  motif: "lamp",
  seed: 205,
  palette: ["#f2c94c", "#e8e4da", "#7b9bb5"],
  alt: {
    en: "Drawing of a table lamp with a yellow pleated shade and a round white base against a blue-grey wall.",
    fr: "Dessin d'une lampe de table à abat-jour plissé jaune et pied rond blanc devant un mur gris-bleu.",
    de: "Zeichnung einer Tischlampe mit gelbem Plisseeschirm und rundem weißem Fuß vor einer blaugrauen Wand.",
    nl: "Tekening van een tafellamp met een gele geplooide kap en een ronde witte voet tegen een blauwgrijze muur.",
    es: "Dibujo de una lámpara de mesa con pantalla plisada amarilla y base redonda blanca ante una pared gris azulada.",
  },
};

const wallpaper: DemoImage = {
  motif: "floral",
  seed: 206,
  palette: ["#f3ead8", "#e07b39", "#6a8f5a", "#8a3b12"],
  alt: {
    en: "Drawing of a repeating wallpaper pattern: orange five-petal flowers with brown centres and green stems on a cream ground.",
    fr: "Dessin d'un motif de papier peint répété : fleurs orange à cinq pétales, cœur brun et tiges vertes sur fond crème.",
    de: "Zeichnung eines sich wiederholenden Tapetenmusters: orange Blüten mit fünf Blättern, braunen Mitten und grünen Stielen auf Creme.",
    nl: "Tekening van een herhalend behangpatroon: oranje bloemen met vijf blaadjes, bruine harten en groene stelen op een crème ondergrond.",
    es: "Dibujo de un papel pintado con motivo repetido: flores naranjas de cinco pétalos, centro marrón y tallos verdes sobre fondo crema.",
  },
};

export const PACKAGING_AND_DECOR_OBJECTS = defineObjects([
  {
    key: "soap-wrapper",
    series: "S-0087-A",
    category: "packaging",
    status: "published",
    title: {
      en: "Hotel soap wrapper",
      fr: "Emballage de savon d'hôtel",
      de: "Hotelseifen-Verpackung",
      nl: "Verpakking van hotelzeep",
      es: "Envoltorio de jabón de hotel",
    },
    question: {
      en: "Do you know this hotel? Where is it?",
      fr: "Connaissez-vous cet hôtel ? Où se trouve-t-il ?",
      de: "Kennen Sie dieses Hotel? Wo liegt es?",
      nl: "Kent u dit hotel? Waar ligt het?",
      es: "¿Conoce este hotel? ¿Dónde está?",
    },
    images: [soapWrapper, closeUp(soapWrapper, 2, [0.5, 0.45])],
  },
  {
    key: "juice-carton",
    series: "S-0087-B",
    category: "packaging",
    status: "published",
    title: { en: "Juice carton with an orange on the front" },
    question: { en: "Have you seen this juice in a shop? In which country?" },
    images: [
      {
        motif: "carton",
        seed: 202,
        palette: ["#fff4e0", "#d35400", "#f39c12"],
        text: "Sunnel",
        subtext: "100% ORANGE · 1 L",
        alt: {
          en: "Drawing of a cream gable-top carton with an orange fruit and the name Sunnel in orange letters.",
        },
      },
    ],
  },
  {
    key: "biscuit-box",
    series: "S-0087-B",
    category: "packaging",
    status: "published",
    title: {
      en: "Biscuit tin with a blue checked border",
      fr: "Boîte à biscuits à bordure à carreaux bleus",
      de: "Keksdose mit blau kariertem Rand",
      nl: "Koekjestrommel met een blauw geruite rand",
      es: "Caja de galletas con borde de cuadros azules",
    },
    question: {
      en: "Do you recognise these biscuits? Where were they sold?",
      fr: "Reconnaissez-vous ces biscuits ? Où étaient-ils vendus ?",
      de: "Kennen Sie diese Kekse? Wo wurden sie verkauft?",
      nl: "Herkent u deze koekjes? Waar werden ze verkocht?",
      es: "¿Reconoce estas galletas? ¿Dónde se vendían?",
    },
    regionHint: REGION.southernEurope,
    images: [biscuitBox, closeUp(biscuitBox, 2, [0.5, 0.64])],
  },
  {
    key: "shampoo-bottle",
    series: "S-0205-A",
    category: "packaging",
    status: "published",
    title: { en: "Green shampoo bottle with a wave on the label" },
    question: { en: "Do you know this shampoo? Where can it be bought?" },
    images: [
      {
        motif: "bottle",
        seed: 204,
        palette: ["#2e7d4f", "#1f3a2b", "#8cc084"],
        text: "Fennick",
        subtext: "HERBAL · 250 ml",
        alt: {
          en: "Drawing of a green squeeze bottle with a light green cap and a white label reading Fennick above a green wave.",
        },
      },
    ],
  },
  {
    key: "pleated-lamp",
    series: "S-0087-A",
    category: "furniture_or_decor",
    status: "published",
    title: {
      en: "Table lamp with a yellow pleated shade",
      fr: "Lampe de table à abat-jour plissé jaune",
      de: "Tischlampe mit gelbem Plisseeschirm",
      nl: "Tafellamp met een gele geplooide kap",
      es: "Lámpara de mesa con pantalla plisada amarilla",
    },
    question: {
      en: "Do you recognise this lamp? Which shop sold it?",
      fr: "Reconnaissez-vous cette lampe ? Quel magasin la vendait ?",
      de: "Kennen Sie diese Lampe? Welches Geschäft hat sie verkauft?",
      nl: "Herkent u deze lamp? Welke winkel verkocht hem?",
      es: "¿Reconoce esta lámpara? ¿Qué tienda la vendía?",
    },
    images: [lamp],
  },
  {
    key: "orange-wallpaper",
    series: "S-0087-A",
    category: "furniture_or_decor",
    status: "published",
    title: {
      en: "Wallpaper with orange flowers",
      fr: "Papier peint à fleurs orange",
      de: "Tapete mit orangefarbenen Blumen",
      nl: "Behang met oranje bloemen",
      es: "Papel pintado con flores naranjas",
    },
    question: {
      en: "Have you seen this wallpaper? Where, and in which years?",
      fr: "Avez-vous vu ce papier peint ? Où, et à quelle époque ?",
      de: "Haben Sie diese Tapete gesehen? Wo und in welchen Jahren?",
      nl: "Hebt u dit behang gezien? Waar, en in welke jaren?",
      es: "¿Ha visto este papel pintado? ¿Dónde y en qué años?",
    },
    images: [wallpaper, closeUp(wallpaper, 2.5, [0.3, 0.3])],
  },
  {
    key: "blue-tiles",
    series: "S-0031-A",
    category: "furniture_or_decor",
    status: "origin_found",
    title: { en: "Blue and white wall tiles" },
    question: { en: "Do you recognise these tiles? Where were they made or used?" },
    regionHint: REGION.southernEurope,
    images: [
      {
        motif: "tiles",
        seed: 207,
        palette: ["#f4f6f8", "#2a5ca8", "#8fb3e0", "#f2c94c"],
        alt: {
          en: "Drawing of square wall tiles with blue quarter circles, a light blue diamond and a small yellow dot in the middle of each.",
        },
      },
    ],
  },
  {
    key: "star-shelf",
    series: "S-0205-B",
    category: "furniture_or_decor",
    status: "approved",
    title: { en: "Wooden shelf with painted white stars" },
    question: { en: "Do you recognise this shelf? Was it sold flat-packed or made by hand?" },
    images: [
      {
        motif: "shelf",
        seed: 208,
        palette: ["#b98a5a", "#f2f2f2", "#cfd8dc"],
        alt: {
          en: "Drawing of a light wooden shelf with three boards, small white stars painted on both sides and a few coloured boxes.",
        },
      },
    ],
  },
]);
