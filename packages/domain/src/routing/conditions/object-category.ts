import { z } from "zod";
import { ObjectCategorySchema } from "../../object/object";
import { defineCondition, orList, words } from "./define";

export const objectCategoryCondition = defineCondition({
  type: "object_category",
  label: "Object category",
  schema: z.object({
    type: z.literal("object_category"),
    categories: z.array(ObjectCategorySchema).min(1, "Choose at least one category."),
  }),
  fields: [
    {
      name: "categories",
      kind: "categories",
      label: "Categories",
      hint: "Matches when the tip is about an object of one of these categories.",
    },
  ],
  evaluate: (condition, facts) =>
    facts.object !== null && condition.categories.includes(facts.object.category),
  explain: (condition, facts, { matched }) => {
    const wanted = orList(condition.categories.map(words));
    if (facts.object === null) return `tip is not about an object (needs ${wanted})`;
    if (matched) return `object category = ${words(facts.object.category)}`;
    return `object category is ${words(facts.object.category)}, not ${wanted}`;
  },
});
