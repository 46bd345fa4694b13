import { z } from 'zod';

/**
 * RFC 6902 operation as Severa's spec documents it: `op` from its PatchOperationType enum (Replace is the one
 * Severa supports) and `value` typed string (null clears a field); numbers and flags travel as their text.
 */
export const PatchOperation = z.object({
  op: z.literal('Replace'),
  path: z.string().regex(/^(\/[A-Za-z0-9]+)+$/, 'expected a JSON pointer such as /name'),
  value: z.string().nullable(),
});
export type PatchOperation = z.infer<typeof PatchOperation>;
export const JsonPatch = z.array(PatchOperation).min(1);

export function replace(path: string, value: string | number | boolean | null | undefined): PatchOperation {
  return { op: 'Replace', path, value: value === null || value === undefined ? null : String(value) };
}
