// What the engine needs from each remote system. The HTTP connectors implement these; keeping the
// engine on these narrow ports lets the same flows run against the real systems and the simulators.
import type { Result } from '../http/result.ts';
import type { Feed, RemoteError } from './remoteCall.ts';
import type { IssueLink } from '../../shared/domain/exception.ts';
import type { Alert, Issue, NewAlert, NewIssue } from '../../shared/domain/issue.ts';
import type { DirectoryPort } from '../referenceData/directoryPort.ts';
import type { IssueUpdate, NewIssueUpdate } from '../../shared/domain/issueUpdate.ts';
import type { NewWorkflowRun, WorkflowRun } from '../../shared/domain/workflowRun.ts';
import type { TradingGridCasePort, XConnectorCasePort } from '../caseSync/casePorts.ts';
import type { DocumentPorts } from '../documents/documentPorts.ts';

export type { Feed, RemoteError } from './remoteCall.ts';

export interface XConnectorPort {
  partnersFeed: Feed;
  exceptionsFeed: Feed;
  transactionsFeed: Feed;
  referenceDataFeed: Feed;
  /** Internal cases and the inbound route (flows 4, 5, 7). */
  cases: XConnectorCasePort;
  linkException(
    exceptionId: string,
    link: IssueLink,
    idempotencyKey: string,
  ): Promise<Result<unknown, RemoteError>>;
  triggerWorkflow(
    workflowId: string,
    run: NewWorkflowRun,
    idempotencyKey: string,
  ): Promise<Result<WorkflowRun, RemoteError>>;
  findWorkflowRunsByRef(correlationRef: string): Promise<Result<WorkflowRun[], RemoteError>>;
  /** Proves the URL and credentials work ("test connection" in Settings). */
  testConnection(): Promise<Result<void, RemoteError>>;
  /** Forget cached keys and tokens: new credentials were just saved. */
  forgetCredentials(): void;
  close(): Promise<void>;
}

export interface TradingGridPort {
  communitiesFeed: Feed;
  /** Trading Grid's reference-data directory (flow 6). */
  directory: DirectoryPort;
  /** The issue change feed, comments and status updates (flows 4, 5, 7). */
  cases: TradingGridCasePort;
  createIssue(
    communityId: string,
    issue: NewIssue,
    idempotencyKey: string,
  ): Promise<Result<Issue, RemoteError>>;
  findIssuesByRef(correlationRef: string): Promise<Result<Issue[], RemoteError>>;
  createAlert(
    communityId: string,
    alert: NewAlert,
    idempotencyKey: string,
  ): Promise<Result<Alert, RemoteError>>;
  findAlertsByRef(correlationRef: string): Promise<Result<Alert[], RemoteError>>;
  updateIssue(
    issueId: string,
    update: NewIssueUpdate,
    idempotencyKey: string,
  ): Promise<Result<IssueUpdate, RemoteError>>;
  findIssueUpdatesByRef(correlationRef: string): Promise<Result<IssueUpdate[], RemoteError>>;
  testConnection(): Promise<Result<void, RemoteError>>;
  /** Forget cached keys and tokens: new credentials were just saved. */
  forgetCredentials(): void;
  close(): Promise<void>;
}

export interface Ports {
  xconnector: XConnectorPort;
  tradingGrid: TradingGridPort;
  /** Dispute documents (flow 2): xConnector's documents and Trading Grid's upload sessions. */
  documents: DocumentPorts;
}
