/** Formats of the run page: wall-clock spans, dates, sizes, status classes. */
import type { ArtifactInfo, RunStatus } from '../../../tracking';
import { formatDuration } from '../../results/format';

/** A run's length: milliseconds and seconds as the results show them, then minutes and hours. */
export function formatSpan(ms: number): string {
  if (ms < 60_000) return formatDuration(ms);
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const parts = h > 0 ? [`${h} h`, `${m} min`] : [`${m} min`, `${s % 60} s`];
  return parts.join(' ');
}

export function formatTime(ms: number): string {
  return new Date(ms).toLocaleString();
}

/** Characters for text and JSON, bytes for images (what ArtifactInfo.size counts). */
export function formatSize(artifact: ArtifactInfo): string {
  const n = artifact.size;
  if (artifact.kind !== 'image') return `${n.toLocaleString()} ${n === 1 ? 'character' : 'characters'}`;
  if (n < 1024) return `${n} bytes`;
  return n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** The trial status classes of styles.css, for a run's status. */
export const STATUS_CLASS: Record<RunStatus, string> = {
  RUNNING: 'status status-running',
  FINISHED: 'status status-ok',
  FAILED: 'status status-failed',
  KILLED: 'status status-cancelled',
};

/** Tags the run history and Hyperopt's autologging set: shown apart, not removable from the page. */
const SYSTEM_TAGS = new Set(['runSource', 'fmin_uuid', 'space', 'trial_status']);
export function isSystemTag(key: string): boolean {
  return (
    key.startsWith('mlflow.') ||
    key.startsWith('playground.') ||
    SYSTEM_TAGS.has(key) ||
    /^fmin_uuid_/.test(key)
  );
}

/** A file name from a run or artifact name: no path separators or characters file systems refuse. */
export function fileName(name: string, extension = ''): string {
  // eslint-disable-next-line no-control-regex
  const safe = name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').slice(0, 120) || 'run';
  return safe.endsWith(extension) ? safe : `${safe}${extension}`;
}
