/**
 * Serializes a trial's payload as JSON text for the driver. JSON has no NaN or Infinity, so they
 * travel tagged (`{"$nonFinite": "NaN"}`) and the driver can say "the loss was NaN" rather than
 * "the loss was null".
 */
import { NON_FINITE_KEY, type TrialPayload } from '../pool/trialProtocol';

function replacer(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) return { [NON_FINITE_KEY]: String(value) };
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/** JSON text of the payload; throws (e.g. on a cycle) so the caller can report a failed trial. */
export function encodePayload(payload: TrialPayload): string {
  // Most results have no NaN, Infinity or bigint: plain stringify is faster than a replacer, and
  // every non-finite number would show up in its output as null, so only then is the replacer
  // needed (a bigint makes plain stringify throw).
  let plain: string | undefined;
  try {
    plain = JSON.stringify(payload);
  } catch {
    plain = undefined;
  }
  return plain !== undefined && !plain.includes('null') ? plain : JSON.stringify(payload, replacer);
}
