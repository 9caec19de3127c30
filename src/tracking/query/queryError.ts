import { TrackingError } from '../errors';

/** A search filter or order-by clause that does not parse; `column` (1-based) points at the problem. */
export class QueryError extends TrackingError {
  override name = 'QueryError';
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(message);
  }
}
