// xConnector's inbound route: the partner messages Partner Desk hands to ERP, order management or
// customer service, each findable by its correlationRef and kept per route in arrival order.
import type { InternalRoute, NewRouteMessage, RouteMessage } from '../../../shared/domain/routeMessage.ts';
import { ByCorrelationRef } from '../byCorrelationRef.ts';
import type { CreateOutcome, IdempotentCreates } from '../idempotentCreates.ts';

export class InboundRoute {
  readonly routed = new ByCorrelationRef<RouteMessage>();
  readonly byRoute: Record<InternalRoute, RouteMessage[]> = {
    erp: [],
    'order-management': [],
    'customer-service': [],
  };

  private readonly creates: IdempotentCreates;
  private readonly now: () => string;
  private counter = 0;

  constructor(creates: IdempotentCreates, now: () => string) {
    this.creates = creates;
    this.now = now;
  }

  send(route: InternalRoute, input: NewRouteMessage, key: string | undefined): CreateOutcome<RouteMessage> {
    return this.creates.once('route', key, () => {
      this.counter++;
      const message: RouteMessage = {
        ...input,
        id: `RM-${String(this.counter).padStart(8, '0')}`,
        route,
        createdAt: this.now(),
      };
      this.routed.add(message);
      this.byRoute[route].push(message);
      return message;
    });
  }

  /** A routed message by its id. */
  message(id: string): RouteMessage | undefined {
    for (const list of Object.values(this.byRoute)) {
      const found = list.find((m) => m.id === id);
      if (found) return found;
    }
    return undefined;
  }
}
