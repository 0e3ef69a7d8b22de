import { z } from "zod";
import { COUNTRY_CODES } from "./country-codes";
export { COUNTRY_CODES } from "./country-codes";

export const CountryCodeSchema = z.enum(COUNTRY_CODES, {
  error: "Choose a country from the list (ISO 3166-1 alpha-2 code).",
});
export type CountryCode = z.infer<typeof CountryCodeSchema>;
