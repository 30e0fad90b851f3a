// What case sync (flows 4, 5, 7) needs from each system. The HTTP connectors implement these
// (electron/connectors/*/caseCalls.ts); the engine reaches them as `ports.xconnector.cases` and
// `ports.tradingGrid.cases`.
import type { Result } from '../http/result.ts';
import type { Feed, RemoteError } from '../engine/remoteCall.ts';
import type { IssueLink } from '../../shared/domain/exception.ts';
import type {
  CaseDetailsUpdate,
  InternalCase,
  InternalComment,
  NewCaseStep,
  NewInternalComment,
  ResolutionStep,
} from '../../shared/domain/internalCase.ts';
import type { InternalRoute, NewRouteMessage, RouteMessage } from '../../shared/domain/routeMessage.ts';
import type { Comment, NewComment } from '../../shared/domain/comment.ts';
import type { NewStatusUpdate, StatusUpdate } from '../../shared/domain/statusUpdate.ts';

export interface XConnectorCasePort {
  casesFeed: Feed;
  linkCase(
    caseId: string,
    link: IssueLink,
    idempotencyKey: string,
  ): Promise<Result<InternalCase, RemoteError>>;
  /** Sets title and/or priority (a PUT: the same values twice change nothing). */
  updateDetails(
    caseId: string,
    update: CaseDetailsUpdate,
    idempotencyKey: string,
  ): Promise<Result<InternalCase, RemoteError>>;
  createComment(
    caseId: string,
    comment: NewInternalComment,
    idempotencyKey: string,
  ): Promise<Result<InternalComment, RemoteError>>;
  findCommentsByRef(correlationRef: string): Promise<Result<InternalComment[], RemoteError>>;
  addStep(
    caseId: string,
    step: NewCaseStep,
    idempotencyKey: string,
  ): Promise<Result<ResolutionStep, RemoteError>>;
  findStepsByRef(correlationRef: string): Promise<Result<ResolutionStep[], RemoteError>>;
  routeMessage(
    route: InternalRoute,
    message: NewRouteMessage,
    idempotencyKey: string,
  ): Promise<Result<RouteMessage, RemoteError>>;
  findRouteMessagesByRef(correlationRef: string): Promise<Result<RouteMessage[], RemoteError>>;
}

export interface TradingGridCasePort {
  issueChangesFeed: Feed;
  createComment(
    issueId: string,
    comment: NewComment,
    idempotencyKey: string,
  ): Promise<Result<Comment, RemoteError>>;
  findCommentsByRef(correlationRef: string): Promise<Result<Comment[], RemoteError>>;
  postStatusUpdate(
    issueId: string,
    update: NewStatusUpdate,
    idempotencyKey: string,
  ): Promise<Result<StatusUpdate, RemoteError>>;
  findStatusUpdatesByRef(correlationRef: string): Promise<Result<StatusUpdate[], RemoteError>>;
}
