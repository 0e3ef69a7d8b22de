import { closeUp, defineObjects, REGION, type DemoImage } from "./object-helpers";

const polkaFabric: DemoImage = {
  motif: "polka",
  seed: 301,
  palette: ["#dce9f5", "#f2c94c", "#ffffff"],
  alt: {
    en: "Drawing of a light blue fabric with alternating yellow and white polka dots and soft folds.",
    fr: "Dessin d'un tissu bleu clair à pois jaunes et blancs alternés, avec des plis légers.",
    de: "Zeichnung eines hellblauen Stoffs mit abwechselnd gelben und weißen Tupfen und leichten Falten.",
    nl: "Tekening van een lichtblauwe stof met afwisselend gele en witte stippen en zachte plooien.",
    es: "Dibujo de una tela azul claro con lunares amarillos y blancos alternos y pliegues suaves.",
  },
};

const toyCar: DemoImage = {
  motif: "car",
  seed: 305,
  palette: ["#c0392b", "#f2c94c", "#cfe6f2"],
  text: "7",
  alt: {
    en: "Drawing of a red toy car with light blue windows, yellow wheel hubs and the number 7 in a white circle on the door.",
    fr: "Dessin d'une petite voiture rouge aux vitres bleu clair, enjoliveurs jaunes et numéro 7 dans un cercle blanc sur la portière.",
    de: "Zeichnung eines roten Spielzeugautos mit hellblauen Fenstern, gelben Radkappen und der Zahl 7 in einem weißen Kreis auf der Tür.",
    nl: "Tekening van een rood speelgoedautootje met lichtblauwe ramen, gele wieldoppen en het getal 7 in een witte cirkel op het portier.",
    es: "Dibujo de un coche de juguete rojo con ventanas azul claro, tapacubos amarillos y el número 7 en un círculo blanco en la puerta.",
  },
};

export const plushBear: DemoImage = {
  motif: "bear",
  seed: 307,
  palette: ["#9c6b3f", "#c0392b", "#ffffff"],
  square: true,
  alt: {
    en: "Drawing of a brown plush bear made of simple round shapes, with a red and white checked bow.",
    fr: "Dessin d'un ours en peluche brun fait de formes rondes simples, avec un nœud à carreaux rouges et blancs.",
    de: "Zeichnung eines braunen Plüschbären aus einfachen runden Formen mit einer rot-weiß karierten Schleife.",
    nl: "Tekening van een bruine knuffelbeer uit eenvoudige ronde vormen, met een rood-wit geruite strik.",
    es: "Dibujo de un oso de peluche marrón hecho de formas redondas simples, con un lazo de cuadros rojos y blancos.",
  },
};

export const TEXTILE_AND_TOY_OBJECTS = defineObjects([
  {
    key: "polka-fabric",
    series: "S-0142-A",
    category: "textile_or_pattern",
    status: "published",
    title: {
      en: "Fabric with yellow and white polka dots",
      fr: "Tissu à pois jaunes et blancs",
      de: "Stoff mit gelben und weißen Tupfen",
      nl: "Stof met gele en witte stippen",
      es: "Tela con lunares amarillos y blancos",
    },
    question: {
      en: "Do you recognise this fabric? Was it sold as bedding, curtains or by the metre?",
      fr: "Reconnaissez-vous ce tissu ? Était-il vendu en linge de lit, en rideaux ou au mètre ?",
      de: "Kennen Sie diesen Stoff? Wurde er als Bettwäsche, Vorhang oder Meterware verkauft?",
      nl: "Herkent u deze stof? Werd hij verkocht als beddengoed, gordijn of per meter?",
      es: "¿Reconoce esta tela? ¿Se vendía como ropa de cama, cortina o por metros?",
    },
    images: [polkaFabric, closeUp(polkaFabric, 3, [0.4, 0.4])],
  },
  {
    key: "checked-curtain",
    series: "S-0087-A",
    category: "textile_or_pattern",
    status: "published",
    title: { en: "Curtain with green and white checks" },
    question: { en: "Have you seen this curtain fabric? Where was it sold?" },
    images: [
      {
        motif: "checks",
        seed: 302,
        palette: ["#ffffff", "#2e7d4f", "#2e7d4f"],
        alt: { en: "Drawing of a green and white checked fabric hanging in loose vertical folds." },
      },
    ],
  },
  {
    key: "diamond-rug",
    series: "S-0205-A",
    category: "textile_or_pattern",
    status: "published",
    title: { en: "Rug with a diamond pattern and a triangle border" },
    question: { en: "Do you know this rug? Where was it made or sold?" },
    regionHint: REGION.middleEastCentralAsia,
    images: [
      {
        motif: "rug",
        seed: 303,
        palette: ["#e8d5b5", "#7a1f2b", "#1f3a5f", "#d9a441"],
        alt: {
          en: "Drawing of a rectangular rug: dark red and blue borders with gold triangles around nested diamonds in the centre.",
        },
      },
    ],
  },
  {
    key: "moon-blanket",
    series: "S-0205-B",
    category: "textile_or_pattern",
    status: "draft",
    title: { en: "Blanket with moons and stars" },
    question: { en: "Do you recognise this blanket pattern?" },
    images: [
      {
        motif: "moons",
        seed: 304,
        palette: ["#1f2f5a", "#f2e6b3", "#f2c94c", "#ffffff"],
        alt: {
          en: "Drawing of a dark blue fabric with a repeating pattern of cream crescent moons and yellow and white stars.",
        },
      },
    ],
  },
  {
    key: "red-toy-car",
    series: "S-0142-A",
    category: "toy",
    status: "published",
    title: {
      en: "Red toy car with yellow wheels",
      fr: "Petite voiture rouge aux roues jaunes",
      de: "Rotes Spielzeugauto mit gelben Rädern",
      nl: "Rood speelgoedautootje met gele wielen",
      es: "Coche de juguete rojo con ruedas amarillas",
    },
    question: {
      en: "Do you know this toy car? Where was it sold?",
      fr: "Connaissez-vous cette petite voiture ? Où était-elle vendue ?",
      de: "Kennen Sie dieses Spielzeugauto? Wo wurde es verkauft?",
      nl: "Kent u dit speelgoedautootje? Waar werd het verkocht?",
      es: "¿Conoce este coche de juguete? ¿Dónde se vendía?",
    },
    images: [toyCar, closeUp(toyCar, 2.5, [0.5, 0.55])],
  },
  {
    key: "stacking-rings",
    series: "S-0205-A",
    category: "toy",
    status: "published",
    title: { en: "Stacking rings toy in rainbow colours" },
    question: { en: "Do you recognise this toy? Which brand or shop is it from?" },
    images: [
      {
        motif: "rings",
        seed: 306,
        palette: ["#2a5ca8", "#ffffff", "#f2c94c", "#6a9a63", "#e07b39", "#c0392b", "#7b5ea7"],
        square: true,
        alt: {
          en: "Drawing of a stacking toy: six coloured rings from blue to red on a pole, with a purple ball on top.",
        },
      },
    ],
  },
  {
    key: "plush-bear",
    series: "S-0087-B",
    category: "toy",
    status: "published",
    title: {
      en: "Brown plush bear with a checked bow",
      fr: "Ours en peluche brun avec un nœud à carreaux",
      de: "Brauner Plüschbär mit karierter Schleife",
      nl: "Bruine knuffelbeer met een geruite strik",
      es: "Oso de peluche marrón con lazo de cuadros",
    },
    question: {
      en: "Have you seen this bear? Was it sold in a shop or given away?",
      fr: "Avez-vous vu cet ours ? Était-il vendu en magasin ou offert ?",
      de: "Haben Sie diesen Bären gesehen? Wurde er verkauft oder verschenkt?",
      nl: "Hebt u deze beer gezien? Werd hij verkocht of weggegeven?",
      es: "¿Ha visto este oso? ¿Se vendía en tiendas o se regalaba?",
    },
    images: [plushBear, closeUp(plushBear, 2.5, [0.5, 0.56])],
  },
  {
    key: "wooden-train",
    series: "S-0031-A",
    category: "toy",
    status: "origin_found",
    title: { en: "Wooden toy train with a blue engine" },
    question: { en: "Do you know this toy train? Who made it?" },
    images: [
      {
        motif: "train",
        seed: 308,
        palette: ["#2a5ca8", "#f4f1ea", "#c8473d"],
        text: "05",
        alt: {
          en: "Drawing of a wooden toy train: a blue engine numbered 05 with a red chimney, and a cream wagon carrying coloured balls.",
        },
      },
    ],
  },
]);
