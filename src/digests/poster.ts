// Where a digest goes. The Slack and Discord adapters implement this; the core only calls it.
import type { Digest } from '../types.js';

export interface DigestPoster {
  /** e.g. `slack:#conferences`, for logs and the watch state. */
  readonly target: string;
  post(digest: Digest): Promise<void>;
}
