import { z } from 'zod';
import { audit, EntityGuid, ModelWithName, nullableString } from './common.js';

export const UserOutputModel = z.object({
  guid: EntityGuid,
  firstName: z.string().min(1),
  lastName: z.string().min(1),
  code: nullableString,
  email: nullableString,
  title: nullableString,
  isActive: z.boolean().optional(),
  businessUnit: z.object({ guid: z.string().min(1), name: nullableString, code: nullableString }).nullish(),
  language: z.object({ guid: nullableString, name: nullableString, englishName: nullableString, code: nullableString }).nullish(),
  permissionProfile: ModelWithName.nullish(),
  userType: z.enum(['FullUser', 'Employee', 'RestrictedEmployee', 'Subcontractor']).nullish(),
  ...audit,
});
export type UserOutputModel = z.infer<typeof UserOutputModel>;
