import { z } from "zod";
import { ObjectRefSchema } from "../../object/object";
import { defineCondition, orList } from "./define";

export const objectRefCondition = defineCondition({
  type: "object_ref",
  label: "Object",
  schema: z.object({
    type: z.literal("object_ref"),
    refs: z.array(ObjectRefSchema).min(1, "Choose at least one object."),
  }),
  fields: [
    {
      name: "refs",
      kind: "object_refs",
      label: "Objects",
      hint: "Matches when the tip is about one of these objects (their references, e.g. TOA-7K3Q9M).",
    },
  ],
  evaluate: (condition, facts) =>
    facts.object !== null && condition.refs.includes(facts.object.ref),
  explain: (condition, facts, { matched }) => {
    if (facts.object === null)
      return `tip is not about an object (needs ${orList(condition.refs)})`;
    if (matched) return `object = ${facts.object.ref}`;
    return `object is ${facts.object.ref}, not ${orList(condition.refs)}`;
  },
});
