import { useEffect, useState } from 'react';
import type { ArtifactContent, ArtifactInfo, Run, RunStore } from '../../../tracking';
import { downloadBlob } from '../../tracking/download';
import { RunSection } from './KeyValueTable';
import { fileName, formatSize } from './runFormat';

/** Inline text beyond this is cut (the download has all of it): a 1 MB <pre> is slow to lay out. */
const INLINE_CHARS = 100_000;

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Pretty JSON for a JSON artifact, or a text artifact named *.json that parses; else undefined. */
function jsonText(name: string, content: ArtifactContent): string | undefined {
  if (content.kind === 'json') return JSON.stringify(content.value, null, 2);
  if (content.kind !== 'text' || !/\.json$/i.test(name)) return undefined;
  try {
    return JSON.stringify(JSON.parse(content.text), null, 2);
  } catch {
    return undefined;
  }
}

function blobOf(content: ArtifactContent): Blob {
  if (content.kind === 'image') return content.blob;
  if (content.kind === 'json') return new Blob([JSON.stringify(content.value)], { type: 'application/json' });
  return new Blob([content.text], { type: 'text/plain' });
}

/** An image from an object URL made for it, revoked when it goes. */
function InlineImage({ blob, name }: { blob: Blob; name: string }) {
  const [url, setUrl] = useState<string | undefined>(undefined);
  useEffect(() => {
    const made = URL.createObjectURL(blob);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [blob]);
  return url === undefined ? null : <img className="artifact-image" src={url} alt={`Artifact ${name}`} />;
}

/** Text and JSON as text (never as HTML: run content is untrusted), images inline. */
function Preview({ name, content }: { name: string; content: ArtifactContent }) {
  if (content.kind === 'image') return <InlineImage blob={content.blob} name={name} />;
  const text = jsonText(name, content) ?? (content.kind === 'text' ? content.text : '');
  const cut = text.length > INLINE_CHARS;
  return (
    <>
      <pre className="code-block artifact-text" tabIndex={0} aria-label={`Content of ${name}`}>
        {cut ? text.slice(0, INLINE_CHARS) : text}
      </pre>
      {cut && (
        <p className="muted">
          The first {INLINE_CHARS.toLocaleString()} of {text.length.toLocaleString()} characters; Download has
          all of it.
        </p>
      )}
    </>
  );
}

function Artifact({ run, info, store }: { run: Run; info: ArtifactInfo; store: RunStore | undefined }) {
  const [content, setContent] = useState<ArtifactContent | null | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (store === undefined) return;
    let current = true;
    store.getArtifact(run.id, info.name).then(
      (c) => current && setContent(c ?? null),
      (e: unknown) => current && setError(message(e)),
    );
    return () => {
      current = false;
    };
    // The size stands for the content: a re-logged artifact of another size is read again.
  }, [store, run.id, info.name, info.size]);
  const json = content ? jsonText(info.name, content) !== undefined : false;
  const kind = info.kind === 'text' && json ? 'text (JSON)' : info.kind;
  return (
    <li className="artifact" aria-label={`Artifact ${info.name}`}>
      <div className="artifact-bar">
        <strong>{info.name}</strong>
        <span className="muted">
          {kind} · {formatSize(info)}
        </span>
        <button
          type="button"
          aria-label={`Download ${info.name}`}
          disabled={!content}
          onClick={() => content && downloadBlob(fileName(info.name), blobOf(content))}
        >
          Download
        </button>
      </div>
      {error !== undefined && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {content === null && <p className="muted">This artifact is no longer stored.</p>}
      {content && <Preview name={info.name} content={content} />}
    </li>
  );
}

export function ArtifactsSection({ run, store }: { run: Run; store: RunStore | undefined }) {
  return (
    <RunSection title="Artifacts">
      {run.artifacts.length === 0 ? (
        <p className="empty-state">No artifacts.</p>
      ) : (
        <ul className="artifacts" aria-label="Artifacts">
          {run.artifacts.map((info) => (
            <Artifact key={info.name} run={run} info={info} store={store} />
          ))}
        </ul>
      )}
    </RunSection>
  );
}
