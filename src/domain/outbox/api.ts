/** The outbox API's answers, as the web app reads them. */
export interface OutboxSummary {
  id: string;
  to: string;
  subject: string;
  createdAt: string;
  sentAt: string | null;
}

export interface OutboxList {
  items: OutboxSummary[];
  page: number;
  pageSize: number;
  total: number;
}

export interface OutboxMessage extends OutboxSummary {
  text: string;
  /** A reset link sent through the mail server: not shown to the admin. */
  withheld: boolean;
}
