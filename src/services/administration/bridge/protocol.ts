import { z } from 'zod';
import {
  AdmCustomer,
  AdmCustomerPayment,
  AdmInvoice,
  AdmProject,
  AdmSupplierInvoice,
  Article,
  CompanyInfo,
  Currency,
  Language,
  LeaseGrant,
  ProfitCentre,
  Supplier,
  TermsOfPayment,
} from '../models.js';
import type { PortOperation } from '../port.js';

/** What travels for one call: a key in the path, query parameters and a JSON body. */
export interface WireCall {
  key?: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
}

export interface BridgeRoute {
  method: 'GET' | 'POST' | 'PATCH';
  /** Path without key; a keyed route appends /:key. */
  path: string;
  keyed?: boolean;
  result: z.ZodType;
  encode(args: unknown[]): WireCall;
  decode(call: WireCall): unknown[];
}

const none = { encode: () => ({}), decode: () => [] };
const byKey = { keyed: true, encode: (a: unknown[]) => ({ key: String(a[0]) }), decode: (c: WireCall) => [c.key] };
const numberKey = { keyed: true, encode: (a: unknown[]) => ({ key: String(a[0]) }), decode: (c: WireCall) => [Number(c.key)] };
const body = { encode: (a: unknown[]) => ({ body: a[0] }), decode: (c: WireCall) => [c.body] };
const keyAndBody = { keyed: true, encode: (a: unknown[]) => ({ key: String(a[0]), body: a[1] }), decode: (c: WireCall) => [c.key, c.body] };
const changedSince = {
  encode: (a: unknown[]) => ({ query: { changedSince: (a[0] as { changedSince?: string } | undefined)?.changedSince } }),
  decode: (c: WireCall) => [{ changedSince: c.query?.changedSince }],
};

/** One route per port operation; the bridge server and client both read this table. */
export const BRIDGE_ROUTES: Record<PortOperation, BridgeRoute> = {
  companyInfo: { method: 'GET', path: '/company', result: CompanyInfo, ...none },
  listCustomers: { method: 'GET', path: '/customers', result: z.array(AdmCustomer), ...changedSince },
  getCustomer: { method: 'GET', path: '/customers', result: AdmCustomer.nullable(), ...byKey },
  addCustomer: { method: 'POST', path: '/customers', result: AdmCustomer, ...body },
  updateCustomer: { method: 'PATCH', path: '/customers', result: AdmCustomer, ...keyAndBody },
  listProjects: { method: 'GET', path: '/projects', result: z.array(AdmProject), ...changedSince },
  getProject: { method: 'GET', path: '/projects', result: AdmProject.nullable(), ...byKey },
  addProject: { method: 'POST', path: '/projects', result: AdmProject, ...body },
  updateProject: { method: 'PATCH', path: '/projects', result: AdmProject, ...keyAndBody },
  listArticles: { method: 'GET', path: '/articles', result: z.array(Article), ...none },
  listProfitCentres: { method: 'GET', path: '/profit-centres', result: z.array(ProfitCentre), ...none },
  listTermsOfPayment: { method: 'GET', path: '/terms-of-payment', result: z.array(TermsOfPayment), ...none },
  listLanguages: { method: 'GET', path: '/languages', result: z.array(Language), ...none },
  listCurrencies: { method: 'GET', path: '/currencies', result: z.array(Currency), ...none },
  listSuppliers: { method: 'GET', path: '/suppliers', result: z.array(Supplier), ...none },
  addInvoice: { method: 'POST', path: '/invoices', result: AdmInvoice, ...body },
  getInvoice: { method: 'GET', path: '/invoices', result: AdmInvoice.nullable(), ...numberKey },
  findInvoicesByReference: {
    method: 'GET',
    path: '/invoices',
    result: z.array(AdmInvoice),
    encode: (a) => ({ query: { reference: String(a[0]) } }),
    decode: (c) => [c.query?.reference ?? ''],
  },
  listSupplierInvoices: {
    method: 'GET',
    path: '/supplier-invoices',
    result: z.array(AdmSupplierInvoice),
    encode: (a) => ({ query: { from: String(a[0]), to: String(a[1]) } }),
    decode: (c) => [c.query?.from ?? '', c.query?.to ?? ''],
  },
  addSupplierInvoice: { method: 'POST', path: '/supplier-invoices', result: AdmSupplierInvoice, ...body },
  listCustomerPayments: {
    method: 'GET',
    path: '/customer-payments',
    result: z.array(AdmCustomerPayment),
    encode: (a) => ({ query: { since: String(a[0]) } }),
    decode: (c) => [c.query?.since ?? ''],
  },
  addCustomerPayment: { method: 'POST', path: '/customer-payments', result: AdmCustomerPayment, ...body },
  // The bridge serves one company, so it is where its transfer lease is granted and renewed.
  takeLease: { method: 'POST', path: '/lease', result: LeaseGrant, ...body },
  renewLease: { method: 'PATCH', path: '/lease', result: z.boolean(), ...byKey },
  releaseLease: {
    method: 'POST',
    path: '/lease-release',
    result: z.null(),
    encode: (a) => ({ body: { token: a[0] } }),
    decode: (c) => [(c.body as { token?: string } | undefined)?.token ?? ''],
  },
};

export const BRIDGE_PREFIX = '/v1';

/** The error body the bridge answers with. */
export const BridgeErrorBody = z.object({
  error: z.object({
    code: z.union([z.number(), z.string()]),
    table: z.string().optional(),
    field: z.string().optional(),
    detail: z.string().optional(),
    message: z.string(),
    messageSv: z.string().optional(),
  }),
});
