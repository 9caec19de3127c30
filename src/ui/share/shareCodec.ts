/**
 * Share links: the whole playground (space, objective, settings, seed) in the URL fragment, as
 * `#p=<version>.<base64url(deflate(JSON))>`. Format 1 holds a draft; format 2 holds a classroom
 * link: a lesson id or a draft, and the controls to hide. Plain playground links are still written
 * in format 1, so that pages of the previous version keep reading them. The fragment never reaches a server. fflate is used
 * rather than lz-string: DEFLATE makes code about a third smaller than LZ-string's URI encoding,
 * and fflate's streaming Inflate lets decoding stop as soon as the output passes a limit, so a
 * crafted link cannot make the page inflate megabytes ("zip bomb"). Loaded lazily with this module.
 *
 * `decodeShareLink` is the ONE decode function for links: version, size, encoding and content are
 * checked there, the content goes through decodeDraft, lesson ids through the lesson catalogue and
 * hidden controls through the controls whitelist.
 */
import { Inflate, deflateSync } from 'fflate';
import { decodeDraft, type Draft } from '../draft/draft';
import { findLesson } from '../lessons/catalog';
import { CONTROLS, isControlId, type ControlId } from '../lessons/controls';
import { draftAt, toDraft, type Lesson } from '../lessons/model';

/** Bump when the link's payload changes; links of a newer version are refused with a sentence. */
export const SHARE_VERSION = 2;
/** The format of plain playground links (a draft). */
const PLAYGROUND_FORMAT = 1;
/** The format of classroom links ({lesson} or {draft}, and hide). */
const CLASSROOM_FORMAT = 2;

/** What a classroom link asks of the playground besides its draft. */
export interface Classroom {
  /** The lesson the link opens (from this page's catalogue). */
  lesson?: Lesson;
  hide: ControlId[];
}

/** A decoded link: the draft it opens, and the classroom settings when it is a classroom link. */
export interface OpenedLink {
  draft: Draft;
  classroom?: Classroom;
}
export const SHARE_PREFIX = '#p=';
/** The longest link this page makes (characters): longer ones fail in chat apps and some browsers. */
export const MAX_LINK_CHARS = 8_000;
/** The longest fragment it reads, and the most text it inflates (characters). */
export const MAX_FRAGMENT_CHARS = 16_000;
export const MAX_INFLATED_CHARS = 400_000;

export class ShareLinkError extends Error {
  override name = 'ShareLinkError';
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text))
    throw new ShareLinkError('The link is damaged (it has characters a link of this app never has).');
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  let binary: string;
  try {
    binary = atob(padded);
  } catch {
    throw new ShareLinkError('The link is damaged (its data is not valid).');
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Inflates at most MAX_INFLATED_CHARS bytes. @throws ShareLinkError */
function inflateBounded(data: Uint8Array): string {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let done = false;
  const inflate = new Inflate((chunk, final) => {
    size += chunk.length;
    if (size > MAX_INFLATED_CHARS)
      throw new ShareLinkError('The link holds more than this app ever puts in a link.');
    chunks.push(chunk);
    if (final) done = true;
  });
  try {
    inflate.push(data, true);
  } catch (error) {
    if (error instanceof ShareLinkError) throw error;
    throw new ShareLinkError('The link is incomplete or damaged: was it cut off when it was copied?');
  }
  if (!done) throw new ShareLinkError('The link is incomplete: was it cut off when it was copied?');
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ShareLinkError('The link is damaged (its text is not valid).');
  }
}

function pack(version: number, value: unknown): string {
  const bytes = deflateSync(new TextEncoder().encode(JSON.stringify(value)), { level: 9 });
  return `${SHARE_PREFIX}${version}.${toBase64Url(bytes)}`;
}

/** The fragment for a draft (`#p=1.…`). */
export function encodeShareFragment(draft: Draft): string {
  return pack(PLAYGROUND_FORMAT, draft);
}

/** The fragment of a classroom link (`#p=2.…`): a lesson (by id) or a draft, with controls hidden. */
export function encodeClassroomFragment(
  content: { lesson: string } | { draft: Draft },
  hide: readonly ControlId[],
): string {
  return pack(CLASSROOM_FORMAT, { ...content, hide: [...new Set(hide)] });
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function decodeDraftIn(value: unknown, cores: number): Draft {
  try {
    return decodeDraft(value, cores);
  } catch (error) {
    throw new ShareLinkError(
      `The link does not hold a playground: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** A format 2 payload. @throws ShareLinkError */
function decodeClassroom(value: unknown, cores: number): OpenedLink {
  if (!isRecord(value)) throw new ShareLinkError('The link does not hold a classroom lesson or playground.');
  const hideValue = value['hide'] ?? [];
  if (!Array.isArray(hideValue) || hideValue.length > CONTROLS.length)
    throw new ShareLinkError('The link is damaged (its list of hidden controls is not valid).');
  const unknown = hideValue.find((id) => !isControlId(id));
  if (unknown !== undefined)
    throw new ShareLinkError(
      `The link hides a control this page does not have (${JSON.stringify(unknown).slice(0, 40)}).`,
    );
  const hide = [...new Set(hideValue as ControlId[])];
  const lessonId = value['lesson'];
  if (lessonId !== undefined && value['draft'] !== undefined)
    throw new ShareLinkError('The link is damaged (it holds both a lesson and a playground).');
  if (lessonId !== undefined) {
    const lesson = typeof lessonId === 'string' ? findLesson(lessonId) : undefined;
    if (lesson === undefined)
      throw new ShareLinkError(
        `The link's lesson (${JSON.stringify(lessonId).slice(0, 60)}) is not one this page has.`,
      );
    return { draft: toDraft(draftAt(lesson, 0), cores), classroom: { lesson, hide } };
  }
  if (value['draft'] === undefined)
    throw new ShareLinkError('The link does not hold a classroom lesson or playground.');
  return { draft: decodeDraftIn(value['draft'], cores), classroom: { hide } };
}

/** True when the fragment is meant to be a share link (then decodeShareLink says whether it is one). */
export function isShareFragment(hash: string): boolean {
  return hash.startsWith(SHARE_PREFIX);
}

/**
 * The decode function of share links.
 *
 * @throws ShareLinkError with a sentence for the user (malformed, truncated, oversized, newer).
 */
export function decodeShareLink(hash: string, cores: number): OpenedLink {
  if (!isShareFragment(hash)) throw new ShareLinkError('This is not a Hyperopt Playground link.');
  if (hash.length > MAX_FRAGMENT_CHARS)
    throw new ShareLinkError(
      `The link is ${hash.length} characters long, over the ${MAX_FRAGMENT_CHARS} this app reads.`,
    );
  const body = hash.slice(SHARE_PREFIX.length);
  const dot = body.indexOf('.');
  const version = dot < 1 ? NaN : Number(body.slice(0, dot));
  if (!Number.isInteger(version) || version < 1)
    throw new ShareLinkError('The link is damaged (it has no version).');
  if (version > SHARE_VERSION)
    throw new ShareLinkError(
      `The link was made by a newer version of Hyperopt Playground (link format ${version}; this page reads up to ${SHARE_VERSION}). Reload the page to update it.`,
    );
  const text = inflateBounded(fromBase64Url(body.slice(dot + 1)));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ShareLinkError('The link is damaged (its content is not valid).');
  }
  if (version === CLASSROOM_FORMAT) return decodeClassroom(value, cores);
  return { draft: decodeDraftIn(value, cores) };
}
