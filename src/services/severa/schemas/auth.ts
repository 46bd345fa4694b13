import { z } from 'zod';
import { DateTime } from './common.js';

export const ClientCredentials = z.object({
  client_id: z.string().min(1),
  client_secret: z.string().min(1),
  scope: z.string().nullish(),
});
export type ClientCredentials = z.infer<typeof ClientCredentials>;

export const PublicAuthenticationOutputModel = z.object({
  access_token: z.string().min(1),
  access_token_type: z.string().optional(),
  access_token_expires_in: z.number().int().nonnegative(),
  access_token_expires_utc: DateTime.optional(),
  refresh_token: z.string().optional(),
  refresh_token_expires_in: z.number().int().optional(),
  refresh_token_expires_utc: DateTime.optional(),
  scope: z.string().optional(),
});
export type PublicAuthenticationOutputModel = z.infer<typeof PublicAuthenticationOutputModel>;
