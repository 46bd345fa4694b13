import { z } from 'zod';

/** One line of `sevadm transfer --json` per row. */
export const TransferRowLine = z.object({
  kind: z.string(),
  id: z.string(),
  label: z.string(),
  result: z.enum(['created', 'updated', 'skipped', 'failed', 'would-create', 'would-update']),
  targetKey: z.string().nullable(),
  reason: z.string().nullable(),
});
export type TransferRowLine = z.infer<typeof TransferRowLine>;

/** The last line of `sevadm transfer --json`. */
export const TransferSummaryLine = z.object({
  summary: z.object({
    kind: z.string(),
    dryRun: z.boolean(),
    transferred: z.number().int(),
    updated: z.number().int(),
    skipped: z.number().int(),
    failed: z.number().int(),
  }),
  exitCode: z.union([z.literal(0), z.literal(1)]),
});
export type TransferSummaryLine = z.infer<typeof TransferSummaryLine>;
