/**
 * The playground's whole state as one typed, versioned object (space code, objective code,
 * settings) with ONE decode function, shared by the saved draft and share links: whatever comes
 * from outside (localStorage of an older version, a link) is whitelisted, type-checked and clamped
 * here, and anything else is refused with a sentence.
 */
import { DEFAULT_EXAMPLE } from '../examples';
import { ALGORITHMS, defaultSettings, type SettingsDraft } from '../settings/settingsModel';

/** Bump when the shape changes; older drafts are read, newer ones refused. */
export const DRAFT_VERSION = 1;
/** The longest space or objective accepted (characters). */
export const MAX_SOURCE_CHARS = 200_000;

export interface Draft {
  version: typeof DRAFT_VERSION;
  space: string;
  objective: string;
  settings: SettingsDraft;
}

export class DraftError extends Error {
  override name = 'DraftError';
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The draft of an example on this machine. */
export function exampleDraft(example = DEFAULT_EXAMPLE, cores = 1): Draft {
  return {
    version: DRAFT_VERSION,
    space: example.space,
    objective: example.objective,
    settings: { ...defaultSettings(cores), ...example.settings },
  };
}

const TEXT_FIELDS = [
  'maxEvals',
  'parallelism',
  'timeout',
  'perTrialTimeout',
  'maxQueueLen',
  'earlyStopRounds',
  'lossThreshold',
  'seed',
] as const;

/** Settings fields are short numeric text: anything else is dropped for the default. */
function decodeSettings(value: unknown, cores: number): SettingsDraft {
  const settings = defaultSettings(cores);
  if (!isRecord(value)) return settings;
  for (const key of TEXT_FIELDS) {
    const field = value[key];
    if (typeof field === 'string' && field.length <= 24 && /^[-+0-9.eE ]*$/.test(field))
      settings[key] = field;
  }
  const algo = value['algo'];
  if (typeof algo === 'string' && ALGORITHMS.some((a) => a.value === algo)) settings.algo = algo;
  if (value['trialsKind'] === 'Trials' || value['trialsKind'] === 'WorkerTrials')
    settings.trialsKind = value['trialsKind'];
  if (value['language'] === 'typescript' || value['language'] === 'javascript')
    settings.language = value['language'];
  return settings;
}

function source(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new DraftError(`The ${what} code is missing.`);
  if (value.length > MAX_SOURCE_CHARS)
    throw new DraftError(
      `The ${what} code is ${value.length} characters, over the limit of ${MAX_SOURCE_CHARS}.`,
    );
  return value;
}

/**
 * The decode function of a draft from outside (saved draft, share link).
 *
 * @throws DraftError naming what is wrong (not an object, a newer version, missing code).
 */
export function decodeDraft(value: unknown, cores: number): Draft {
  if (!isRecord(value)) throw new DraftError('It is not a playground state.');
  const version = value['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    throw new DraftError('It has no valid version.');
  if (version > DRAFT_VERSION)
    throw new DraftError(
      `It was made by a newer version of Hyperopt Playground (format ${version}; this page reads up to ${DRAFT_VERSION}). Reload the page to update it.`,
    );
  return {
    version: DRAFT_VERSION,
    space: source(value['space'], 'space'),
    objective: source(value['objective'], 'objective'),
    settings: decodeSettings(value['settings'], cores),
  };
}

/** True when two drafts hold the same code and settings. */
export function sameDraft(a: Draft, b: Draft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
