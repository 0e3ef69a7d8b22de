import { z } from "zod";
import { CountryCodeSchema } from "../shared/country";
import { SAFEGUARDING_LINE_KINDS } from "./hotlines";

/** Digits and single spaces, as dialled inside the country: "112", "0808 800 5000". */
const PhoneSchema = z.string().regex(/^\d+( \d+)*$/, "Digits and single spaces only.");

/**
 * What a safeguarding entry must be (hotlines.ts holds plain data so that the public site does
 * not load zod for it; this schema is what its test checks it against).
 */
export const SafeguardingContactsSchema = z.strictObject({
  country: CountryCodeSchema,
  emergency: z.array(PhoneSchema).min(1),
  onlineHotline: z
    .strictObject({
      name: z.string().trim().min(2),
      url: z.url({ protocol: /^https$/ }),
    })
    .optional(),
  lines: z.array(
    z.strictObject({
      kind: z.enum(SAFEGUARDING_LINE_KINDS),
      name: z.string().trim().min(2),
      phone: PhoneSchema,
    }),
  ),
  checked: z.iso.date(),
  source: z.string().trim().min(10),
});
