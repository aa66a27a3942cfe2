/**
 * The parts of zod/mini the code builds schemas with, as one object: `zodRuntime()` hands it out.
 * Named, not the whole namespace, so a bundle carries only these (the namespace would bring every
 * locale and the JSON-Schema code: 432 KB). A part missing here is a type error where it is used.
 */
import * as zod from 'zod/mini';

// Read off the namespace by name, so esbuild keeps these and drops the rest.
export const zodParts = {
  array: zod.array,
  boolean: zod.boolean,
  date: zod.date,
  discriminatedUnion: zod.discriminatedUnion,
  enum: zod.enum,
  int: zod.int,
  iso: zod.iso,
  literal: zod.literal,
  looseObject: zod.looseObject,
  maxLength: zod.maxLength,
  maximum: zod.maximum,
  minLength: zod.minLength,
  minimum: zod.minimum,
  nullable: zod.nullable,
  number: zod.number,
  object: zod.object,
  optional: zod.optional,
  pipe: zod.pipe,
  positive: zod.positive,
  record: zod.record,
  strictObject: zod.strictObject,
  string: zod.string,
  transform: zod.transform,
  trim: zod.trim,
  tuple: zod.tuple,
  union: zod.union,
  unknown: zod.unknown,
};

export type ZodMini = typeof zodParts;
