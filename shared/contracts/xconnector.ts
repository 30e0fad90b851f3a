// REST contract of xConnector, the company's integration platform, as Partner Desk uses it.
// Auth: an API key in the `X-Api-Key` header. Feeds are read by cursor (`since`, `limit`).
import { z } from 'zod';
import { FeedPage, FeedQuery } from '../domain/feed.ts';
import { IssueLink, PartnerException } from '../domain/exception.ts';
import { endpoint } from './endpoint.ts';

const ExceptionIdParams = z.object({ id: z.string().min(1).max(128) });

export const xConnectorContract = {
  title: 'xConnector (Partner Desk subset)',
  auth: 'apiKey' as const,
  endpoints: {
    partnersFeed: endpoint({
      id: 'xc.partnersFeed',
      method: 'GET',
      path: '/api/v1/partners',
      summary: 'Trading partners changed since the cursor (items are Partner).',
      query: FeedQuery,
      response: FeedPage,
      status: 200,
      idempotent: false,
    }),
    exceptionsFeed: endpoint({
      id: 'xc.exceptionsFeed',
      method: 'GET',
      path: '/api/v1/exceptions',
      summary:
        'Shipment, invoice and order exceptions created or changed since the cursor (items are PartnerException).',
      query: FeedQuery,
      response: FeedPage,
      status: 200,
      idempotent: false,
    }),
    transactionsFeed: endpoint({
      id: 'xc.transactionsFeed',
      method: 'GET',
      path: '/api/v1/transactions',
      summary:
        "Transactions created or changed since the cursor (items are TransactionWire; status is xConnector's own word).",
      query: FeedQuery,
      response: FeedPage,
      status: 200,
      idempotent: false,
    }),
    linkException: endpoint({
      id: 'xc.linkException',
      method: 'PUT',
      path: '/api/v1/exceptions/:id/link',
      summary:
        'Store the Trading Grid issue an exception is linked to (idempotent: setting the same link twice is a no-op).',
      params: ExceptionIdParams,
      body: IssueLink,
      response: PartnerException,
      status: 200,
      idempotent: true,
    }),
  },
} as const;

export type XConnectorEndpoints = typeof xConnectorContract.endpoints;
