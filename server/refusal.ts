import { STATUS_CODES } from 'node:http';

/**
 * A request we will not serve, and why, in a fixed phrase of ours. The phrase never quotes the
 * request: what was sent is untrusted and may be what a user said.
 */
export class Refusal extends Error {
  constructor(readonly status: number, readonly reason?: string) {
    super(reason ?? STATUS_CODES[status] ?? 'Refused');
    this.name = 'Refusal';
  }
}

/** The short plain body a refusal is answered with: the status text, then our reason if any. */
export function refusalText(status: number, reason?: string): string {
  const statusText = STATUS_CODES[status] ?? 'Error';
  return reason ? `${statusText}: ${reason}\n` : `${statusText}\n`;
}
