// Where a text report (the gaps report) goes. The Slack and Discord adapters implement this.
export interface ReportPoster {
  /** e.g. `slack:#notes-team`. */
  readonly target: string;
  post(text: string): Promise<void>;
}
