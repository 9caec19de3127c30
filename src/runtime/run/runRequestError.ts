/** A setting of a run request is wrong; `field` names it. */
export class RunRequestError extends Error {
  override name = 'RunRequestError';
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field} ${problem}.`);
  }
}
