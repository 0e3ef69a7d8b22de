import { z } from "zod";

export const IdSchema = z.uuid();
export type Id = z.infer<typeof IdSchema>;

/** Instants cross the API as ISO strings so the same schema works over JSON and in the apps. */
export const TimestampSchema = z.iso.datetime({ offset: true });

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int().min(0) });
}
