// The desktop notification the engine asks for. The shell turns it into a native notification
// (grouped, throttled, quiet hours); the headless demo prints it.
export interface NotificationRequest {
  /** Stable id: the same request delivered twice after a crash can be recognised and shown once. */
  id: string;
  kind: 'transaction_failed' | 'sla_warning' | 'sla_breach' | 'credentials';
  partnerId: string | null;
  /** The partner's name, for grouping ("ACME Retail: 5 transactions failed"). */
  partnerName: string | null;
  title: string;
  body: string;
  /** What a click opens, e.g. `transaction:T-1` or `case:exc:E-1`. */
  target: string;
}

export interface Notifier {
  notify(request: NotificationRequest): Promise<void>;
}
