/**
 * The space module, evaluated in the sandbox (never on the page, never in the driver): the driver
 * compiles it like an objective, a one-off sandboxed worker runs it and sends its default export
 * back as JSON text, and the driver validates it with core's parseSpaceDocument. The answer is a
 * SpaceDocument, or a sentence with the user's line: the line of the hp call whose label a
 * SpaceError names, or where the module threw.
 */
import {
  SPACE_DOCUMENT_FORMAT,
  SPACE_DOCUMENT_VERSION,
  SpaceError,
  parseSpaceDocument,
  type SpaceDocument,
} from '../../core';
import { ObjectiveCompileError, compileObjective, wrapObjective } from '../objective/compile';
import type { TrialWorkerHandle, WorkerSignal } from '../pool/poolTypes';
import { decodeTrialMessage } from '../pool/trialDecode';
import type { OwnModule } from '../sandbox/sandboxLink';
import { lineOfLabel } from './labelLines';

export type SourceLanguage = 'typescript' | 'javascript';

/** Page -> driver: the source of a module to check. */
export interface SourceRequest {
  source: string;
  language: SourceLanguage;
}

/** Driver -> page: a valid space document, or why not (with the user's line when known). */
export type SpaceEvaluation =
  { ok: true; document: SpaceDocument } | { ok: false; message: string; line?: number; label?: string };

/** Driver -> page: the objective compiles, or its syntax error with the line. */
export type SourceCheck = { ok: true } | { ok: false; message: string; line?: number };

/** How long a space module may take; a space is data, so this is generous. */
export const SPACE_DEADLINE_MS = 3000;

/** Starts a worker running one module of its own. */
export interface OwnModuleFactory {
  spawn(listener: (signal: WorkerSignal) => void, own: OwnModule): TrialWorkerHandle;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The decode function of page -> driver source requests. @throws TypeError */
export function decodeSourceRequest(value: unknown): SourceRequest {
  if (!isRecord(value) || typeof value['source'] !== 'string')
    throw new TypeError('A source request must carry the source text.');
  const language = value['language'];
  if (language !== 'typescript' && language !== 'javascript')
    throw new TypeError("A source request's language must be 'typescript' or 'javascript'.");
  return { source: value['source'], language };
}

/** Compiles the objective only (a syntax check while typing). */
export function checkObjective(raw: unknown): SourceCheck {
  const { source, language } = decodeSourceRequest(raw);
  try {
    compileObjective(source, language);
    return { ok: true };
  } catch (error) {
    if (error instanceof ObjectiveCompileError)
      return error.line === undefined
        ? { ok: false, message: error.message }
        : { ok: false, message: error.message, line: error.line };
    throw error;
  }
}

/** Validates an exported space value; a SpaceError becomes a sentence at its label's line. */
export function validateSpaceValue(value: unknown, source: string): SpaceEvaluation {
  const document = { format: SPACE_DOCUMENT_FORMAT, version: SPACE_DOCUMENT_VERSION, space: value };
  try {
    parseSpaceDocument(document);
    return { ok: true, document: document as SpaceDocument };
  } catch (error) {
    if (!(error instanceof SpaceError)) throw error;
    const out: SpaceEvaluation = { ok: false, message: error.message };
    if (error.label !== null) {
      out.label = error.label;
      const line = lineOfLabel(source, error.label);
      if (line !== undefined) out.line = line;
    }
    return out;
  }
}

/** Compiles and evaluates a space module in a one-off sandboxed worker. Never rejects for user errors. */
export function evaluateSpace(
  raw: unknown,
  factory: OwnModuleFactory,
  deadlineMs = SPACE_DEADLINE_MS,
): Promise<SpaceEvaluation> {
  const { source, language } = decodeSourceRequest(raw);
  let compiled;
  try {
    compiled = compileObjective(source, language);
  } catch (error) {
    if (!(error instanceof ObjectiveCompileError)) throw error;
    const message = `The space has a syntax error${error.line === undefined ? '' : ` at line ${error.line}`}: ${error.problem}.`;
    return Promise.resolve(
      error.line === undefined ? { ok: false, message } : { ok: false, message, line: error.line },
    );
  }
  const lineCount = compiled.lineCount;
  return new Promise<SpaceEvaluation>((resolve) => {
    let settled = false;
    const settle = (answer: SpaceEvaluation) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      handle.terminate();
      resolve(answer);
    };
    const handle = factory.spawn(
      (signal) => {
        if (signal.kind === 'error')
          return settle({ ok: false, message: `The space module failed: ${signal.message}.` });
        const message = decodeTrialMessage(signal.data, lineCount);
        if (message.t === 'space') {
          if (message.outcome.ok) return settle(validateSpaceValue(message.outcome.value, source));
          const { name, message: text, line } = message.outcome.error;
          const where = line === undefined ? '' : ` at line ${line}`;
          const answer: SpaceEvaluation = {
            ok: false,
            message: `The space module threw${where}: ${name}: ${text}`,
          };
          if (line !== undefined) answer.line = line;
          return settle(answer);
        }
        if (message.t === 'invalid')
          settle({ ok: false, message: `The space was rejected: ${message.problem}.` });
      },
      { code: wrapObjective(compiled), lineCount, mode: 'space' },
    );
    const timer = setTimeout(
      () =>
        settle({
          ok: false,
          message: `The space module did not finish within ${deadlineMs / 1000} s; a space is plain data, so remove loops that do not end.`,
        }),
      deadlineMs,
    );
  });
}

/**
 * The page's decode function for the driver's answer: shape checked, and the document validated
 * again with parseSpaceDocument before the page uses it.
 */
export function decodeSpaceEvaluation(value: unknown): SpaceEvaluation {
  if (!isRecord(value) || typeof value['ok'] !== 'boolean')
    return { ok: false, message: 'The driver answered the space check with no result; reload the page.' };
  if (value['ok']) {
    try {
      parseSpaceDocument(value['document']);
      return { ok: true, document: value['document'] as SpaceDocument };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }
  const out: SpaceEvaluation = {
    ok: false,
    message:
      typeof value['message'] === 'string' ? value['message'].slice(0, 2000) : 'The space is not valid.',
  };
  const line = value['line'];
  if (typeof line === 'number' && Number.isInteger(line) && line >= 1) out.line = line;
  if (typeof value['label'] === 'string') out.label = value['label'];
  return out;
}
