// REST contract of xConnector, the company's integration platform, as Partner Desk uses it.
// Auth: an API key in the `X-Api-Key` header. Feeds are read by cursor (`since`, `limit`).
import { z } from 'zod';
import { FeedPage, FeedQuery, LookupByRef, MAX_PAGE_ITEMS } from '../domain/feed.ts';
import { IssueLink, PartnerException } from '../domain/exception.ts';
import { NewWorkflowRun, WorkflowId, WorkflowRun } from '../domain/workflowRun.ts';
import { endpoint } from './endpoint.ts';
import { xConnectorCaseEndpoints } from './xconnectorCases.ts';
import { xConnectorReferenceDataEndpoints } from './referenceData.ts';

const ExceptionIdParams = z.object({ id: z.string().min(1).max(128) });
const WorkflowParams = z.object({ workflowId: WorkflowId });
const WorkflowRunList = z.object({ items: z.array(WorkflowRun).max(MAX_PAGE_ITEMS) });
const DocumentIdParams = z.object({ id: z.string().min(1).max(128) });

export const xConnectorContract = {
  title: 'xConnector (Partner Desk subset)',
  auth: 'apiKey' as const,
  endpoints: {
    ...xConnectorReferenceDataEndpoints,
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
    documentsFeed: endpoint({
      id: 'xc.documentsFeed',
      method: 'GET',
      path: '/api/v1/documents',
      summary:
        'Supporting documents of disputes (PO, invoice, packing slip, proof of delivery) added or changed since the cursor (items are DisputeDocument).',
      query: FeedQuery,
      response: FeedPage,
      status: 200,
      idempotent: false,
    }),
    documentContent: endpoint({
      id: 'xc.documentContent',
      method: 'GET',
      path: '/api/v1/documents/:id/content',
      summary:
        'The bytes of one document. A Range: bytes=<from>- header asks for the rest from an offset (206 with Content-Range); 200 with the whole content is also fine.',
      params: DocumentIdParams,
      response: z.unknown(),
      responseKind: 'binary',
      status: 200,
      idempotent: false,
    }),
    triggerWorkflow: endpoint({
      id: 'xc.triggerWorkflow',
      method: 'POST',
      path: '/api/v1/workflows/:workflowId/runs',
      summary:
        "Start a run of an internal workflow (e.g. a support tier's escalation procedure). Stores correlationRef on the run.",
      params: WorkflowParams,
      body: NewWorkflowRun,
      response: WorkflowRun,
      status: 201,
      idempotent: true,
    }),
    findWorkflowRuns: endpoint({
      id: 'xc.findWorkflowRuns',
      method: 'GET',
      path: '/api/v1/workflow-runs',
      summary: 'Workflow runs carrying a correlation reference (empty list when none).',
      query: LookupByRef,
      response: WorkflowRunList,
      status: 200,
      idempotent: false,
    }),
    ...xConnectorCaseEndpoints,
  },
} as const;

export type XConnectorEndpoints = typeof xConnectorContract.endpoints;
