import { z } from 'zod';

/** RFC 6902 operation. Severa supports only replace; the spec's PascalCase enum is a serializer artefact. */
export const PatchOperation = z.object({
  op: z.literal('replace'),
  path: z.string().regex(/^(\/[A-Za-z0-9]+)+$/, 'expected a JSON pointer such as /name'),
  value: z.unknown(),
});
export type PatchOperation = z.infer<typeof PatchOperation>;
export const JsonPatch = z.array(PatchOperation).min(1);

export function replace(path: string, value: unknown): PatchOperation {
  return { op: 'replace', path, value };
}
