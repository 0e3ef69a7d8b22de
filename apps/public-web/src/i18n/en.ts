import type {
  ObjectCategory,
  PublicObjectStatus,
  PublicTipStatus,
  TipConfidence,
} from "@trace/domain";

/**
 * Every user-facing English string of the public site, grouped by feature. A new language is a
 * copy of this module typed as `Messages`: the compiler lists whatever is missing.
 * Functions stand in for strings with values in them, so word order can change per language.
 */
export const en = {
  app: {
    siteName: "Trace",
    documentTitle: (page: string) => `${page} — Trace`,
    skipLink: "Skip to main content",
    navLabel: "Main",
    nav: { objects: "Objects", checkTip: "Check my tip" },
    footer: "Trace never asks who you are. No cookies.",
  },
  common: {
    loading: "Loading…",
    retry: "Try again",
    required: "(required)",
    optional: "(optional)",
    errorSummaryHeading: "There is a problem",
    unavailable: "We could not reach Trace. Check your connection and try again in a moment.",
    unexpected: "Something went wrong on our side. Please try again in a moment.",
    requestReference: (id: string) => `If it keeps happening, mention this reference: ${id}`,
  },
  categories: {
    clothing: "Clothing",
    logo_or_text: "Logo or text",
    packaging: "Packaging",
    furniture_or_decor: "Furniture or decor",
    textile_or_pattern: "Textile or pattern",
    toy: "Toy",
    printed_matter: "Printed matter",
    location_or_view: "Location or view",
    other: "Other",
  } satisfies Record<ObjectCategory, string>,
  objectStatuses: {
    open: "Open",
    origin_found: "Origin found",
  } satisfies Record<PublicObjectStatus, string>,
  confidences: {
    certain: "Certain",
    think_so: "I think so",
    guess: "It's a guess",
  } satisfies Record<TipConfidence, string>,
  tipStatuses: {
    received: {
      label: "Received",
      explanation: "Your tip is stored safely and waits to be read by a specialist.",
    },
    under_review: {
      label: "Under review",
      explanation: "A victim-identification specialist is looking at your tip.",
    },
    passed_on: {
      label: "Passed on",
      explanation: "Your tip has been passed on to the competent authorities.",
    },
    closed: {
      label: "Closed",
      explanation: "Work on your tip has finished. Thank you for your help.",
    },
  } satisfies Record<PublicTipStatus, { label: string; explanation: string }>,
  hotline: {
    title: "Reporting abuse that is not about an object",
    body: "Contact your local police or a national hotline for reporting child sexual abuse: they can act where you are.",
    emergency: "If a child is in danger right now, call your local emergency number.",
  },
  home: {
    documentTitle: "Trace — help identify everyday objects from unsolved child-abuse cases",
    heading: "Recognise an object, help find a child",
    intro:
      "Trace shows everyday objects — a bag, a logo, a wallpaper pattern, a view from a window — taken from the background of images in child-abuse cases that investigators have not been able to solve. Each picture has been cleaned so that it shows only the object.",
    whyHeading: "Why it matters",
    why: "Knowing where an object comes from tells investigators which country to look in, so the case can reach the police who can act there. Tips from the public have already narrowed cases down to a country and helped identify children.",
    howHeading: "How you can help",
    steps: [
      {
        title: "Look at the objects",
        body: "Browse the pictures. Perhaps you know a brand, a shop or a place.",
      },
      {
        title: "Send a tip",
        body: "Tell us what you know: a country, a shop or a few words are enough. You never have to say who you are.",
      },
      {
        title: "Keep your receipt code",
        body: "With it you can check what happened to your tip and answer questions from the investigators.",
      },
    ],
    figuresHeading: "Trace in figures",
    figures: {
      openObjects: "Objects waiting to be identified",
      originsFound: "Origins found",
      tipsReceived: "Tips received",
      countriesNarrowed: "Cases narrowed to a country",
      victimsIdentified: "Victims identified",
    },
    figuresLoading: "Loading the figures…",
    figuresUnavailable: "The figures are not available right now.",
    browse: "Browse the objects",
  },
  gallery: {
    heading: "Objects",
    intro: "Do you recognise one of these objects? Open it to send a tip.",
    filtersLabel: "Filter the objects",
    category: "Category",
    allCategories: "All categories",
    status: "Status",
    allStatuses: "All",
    resultCount: (count: string, total: number) => (total === 1 ? "1 object" : `${count} objects`),
    loading: "Loading the objects…",
    loadError: "We could not load the objects.",
    empty: "No objects match these filters.",
    regionHint: (hint: string) => `Region: ${hint}`,
    pagination: "Pages of objects",
    previous: "Previous",
    next: "Next",
    pageStatus: (page: number, pageCount: number) => `Page ${page} of ${pageCount}`,
  },
  object: {
    loading: "Loading the object…",
    loadError: "We could not load this object.",
    notFoundTitle: "We could not find this object",
    notFoundBody:
      "The link may be mistyped, or the object is no longer shown. Objects are taken down when they are no longer needed.",
    backToObjects: "Back to all objects",
    reference: "Reference",
    status: "Status",
    category: "Category",
    regionHint: "Where it may be from",
    imagesLabel: "Pictures of the object",
    originFoundTitle: "Origin found — thank you",
    originFoundBody:
      "Thanks to tips from the public, investigators now know where this object comes from. It no longer needs tips.",
  },
  tipForm: {
    heading: "Send a tip",
    intro:
      "Answer what you can: a country, a shop or a few words are enough. You do not need to say who you are.",
    country: "Country",
    countryHint: "Where you think the object comes from, or was sold.",
    countryUnknown: "I don't know",
    placeOrShop: "Place or shop",
    placeOrShopHint: "A town, a region or a shop where you have seen it.",
    brandOrProduct: "Brand or product",
    brandOrProductHint: "A maker, a brand or the name of a product.",
    timePeriod: "Time period",
    timePeriodHint: "When it was made or sold, for example “around 2010” or “the 1990s”.",
    evidenceLinks: "Links to evidence (optional)",
    evidenceLinksHint:
      "One web address per line, for example a shop page or a catalogue (at most 10).",
    confidence: "How sure are you?",
    text: "Anything else you can tell us",
    textCounter: (used: string, limit: string) => `${used} of ${limit} characters`,
    contact: "Contact details (optional)",
    contactHint:
      "Optional: you never need to give it. If you leave a way to reach you, such as an e-mail address, it is stored encrypted and used only to ask you about this tip. You can also stay anonymous and read our questions with your receipt code.",
    otherAbuse: "I want to report abuse that is not about this object",
    photos: {
      label: "Photos (optional)",
      hint: (max: number) =>
        `Up to ${max} photos of the object, a label or the place you saw it: JPEG, PNG, WebP or AVIF, 15 MB each. Before a photo is kept we remove everything hidden in it, such as where it was taken and with which camera, and the file's name is never sent.`,
      listLabel: "Attached photos",
      uploading: (n: number) => `Uploading photo ${n}`,
      percent: (value: string) => `${value} %`,
      attached: (n: number) => `Photo ${n} is attached.`,
      remove: (n: number) => `Remove photo ${n}`,
      tooMany: (max: number) => `You can attach at most ${max} photos. The others were left out.`,
      errors: {
        unsupported_image:
          "This file is not a photo we can take. Use a JPEG, PNG, WebP or AVIF image.",
        image_too_large: "This photo is larger than 15 MB. Choose a smaller copy.",
        image_empty: "This file is empty.",
        image_too_many_pixels: "This photo has too many pixels. Choose a smaller copy.",
        image_unreadable: "This photo is damaged or incomplete. Choose another copy.",
        image_busy:
          "Many photos are being sent right now. Remove this one and try again in a minute.",
        failed: "The photo could not be sent. Check your connection, remove it and try again.",
      },
    },
    submit: "Send tip",
    errors: {
      answer: "Tell us at least a country, a place, a brand or a few words.",
      country: "Choose a country from the list, or “I don't know”.",
      confidence: "Choose how sure you are.",
      tooLong: (max: string) => `Use at most ${max} characters.`,
      evidenceLink: (link: string) =>
        `“${link}” is not a web address. Enter addresses that start with http:// or https://, one per line.`,
      tooManyLinks: (max: number) => `Give at most ${max} links.`,
      invalid: "Check this answer.",
      objectNotAcceptingTips:
        "This object no longer takes tips: its origin has been found. Thank you.",
      objectNotFound: "This object is no longer shown, so the tip could not be sent.",
      photoExpired:
        "A photo you attached has expired. Remove it, attach it again and send your tip once more.",
      photosUploading: "Wait until your photos have finished sending, then send your tip.",
      unavailable:
        "We could not send your tip. Check your connection and try again: what you typed is still here.",
    },
  },
  receipt: {
    documentTitle: "Your receipt",
    heading: "Thank you — your tip has been received",
    codeLabel: "Your receipt code",
    codeIntro: "This is your receipt code:",
    copy: "Copy",
    copied: "The code is copied. Paste it somewhere safe.",
    copyFailed:
      "Copying did not work here. The code is selected: copy it yourself, or write it down.",
    explanation:
      "Keep this code somewhere safe. It is the only way to come back to your tip, see what happens to it and answer questions from the investigators. We cannot recover it for you, because we never know who sent a tip.",
    howToReturn: "To come back, open “Check my tip” and enter the code.",
    confirm: "I have saved my receipt code",
    continue: "Continue",
    leaveWarning:
      "You have not confirmed that you saved your receipt code. It will not be shown again. Leave this page?",
    goneHeading: "Your receipt",
    gone: "This receipt is no longer shown. For your safety it is only shown once.",
    goneCheck: "Check a tip with its receipt code",
    goneBrowse: "Browse the objects",
  },
  checkTip: {
    heading: "Check my tip",
    intro: "Enter the receipt code you were given when you sent your tip.",
    code: "Receipt code",
    codeHint: "20 letters and digits, for example ABCD-EFGH-JKMN-PQRS-TVWX.",
    submit: "Check status",
    invalidCode: "A receipt code has 20 letters and digits, like ABCD-EFGH-JKMN-PQRS-TVWX.",
    notFound: "No tip matches this receipt code. Check it and try again.",
    status: (label: string) => `Status: ${label}`,
    receivedOn: (date: string) => `Received on ${date}`,
    aboutObject: "About object",
    messagesHeading: "Messages",
    noMessages: "There are no messages about this tip yet.",
    fromStaff: "From the Trace team",
    fromYou: "From you",
    newMessage: "New",
    reply: {
      heading: "Answer the investigators",
      label: "Your answer",
      hint: "Do not write your name or anything that identifies you unless you want to.",
      submit: "Send answer",
      sent: "Your answer has been sent. Thank you.",
      required: "Write your answer.",
      tooLong: (max: number) => `Your answer can be at most ${max} characters long.`,
      invalid: "Check your answer and try again.",
      noQuestion:
        "There is no question to answer yet. The investigators will write here if they need to.",
      tooMany: "This conversation is full. Please send a new tip instead.",
      unavailable: "We could not send your answer. Check your connection and try again.",
      unexpected: "Something went wrong. Please try again.",
    },
  },
  notFound: {
    heading: "Page not found",
    body: "There is no page at this address.",
    home: "Go to the home page",
  },
};

export type Messages = typeof en;
