import { z } from 'zod';

export const ExceptionTypeEnum = z.enum([
  'InternalSystemError',
  'AuthenticationRequired',
  'AddonMissing',
  'FeatureIsNotEnabled',
  'InvalidParameter',
  'InvalidOperation',
  'InvalidRequest',
  'InsufficientApiScope',
  'InvalidApiVersion',
  'ConfigurationError',
  'UserLicenseType',
  'TermsOfServiceNotApproved',
  'HttpsRequired',
  'OrganizationNotActive',
  'PermissionDenied',
  'TrialExpired',
  'NotAvailableInTrial',
  'InvalidRecaptcha',
  'AddonMissingTermsOfServiceApproval',
  'ExcludedFromTrial',
]);
export type ExceptionTypeEnum = z.infer<typeof ExceptionTypeEnum>;

export const ExceptionLocationModel = z.object({
  type: z.enum(['PathParameter', 'RequestBody', 'RequestHeader', 'UriParameter']).optional(),
  name: z.string().nullish(),
  identifier: z.string().nullish(),
});

export const ExceptionDetailModel = z.object({
  message: z.string().nullish(),
  url: z.string().nullish(),
  location: ExceptionLocationModel.nullish(),
});
export type ExceptionDetailModel = z.infer<typeof ExceptionDetailModel>;

export const ErrorModel = z.object({
  httpStatusCode: z.number().int().optional(),
  // A type we do not know yet must not hide the rest of the error.
  type: z.union([ExceptionTypeEnum, z.string()]).optional(),
  details: z.array(ExceptionDetailModel).nullish(),
  stack: z.string().nullish(),
});

export const ExceptionModel = z.object({ error: ErrorModel.nullish() });
export type ExceptionModel = z.infer<typeof ExceptionModel>;
