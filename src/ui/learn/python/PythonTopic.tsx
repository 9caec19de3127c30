/**
 * Learn topic "Python and the cluster": the playground's hp.* language is Hyperopt's, so a space
 * moves both ways. Paste a Python space and see the playground read it (its parameters, conditions
 * and the TypeScript it becomes); pick an example and get the script that runs it on a Spark cluster.
 */
import { Suspense, lazy, useId, useMemo, useState } from 'react';
import { compileSpace } from '../../../core';
import { PythonImportError, parsePythonSpace, spaceToTypeScript } from '../../../core/python';
import { exampleDraft } from '../../draft/draft';
import { loadDraft } from '../../draft/draftStorage';
import { EXAMPLES } from '../../examples';
import { useNavigation } from '../../nav/navigation';
import { useSpaceCheck } from '../../run/useSourceChecks';
import { SpaceView } from '../../space/SpaceView';
import type { TopicProps } from '../topics';
import '../../python/python.css';

const ExportPanel = lazy(() => import('../../python/ExportPanel'));

// Hyperopt's own documentation example (the "Defining a search space" page), nested choices and all.
const START = `from hyperopt import hp

space = hp.choice('classifier_type', [
    {
        'type': 'naive_bayes',
    },
    {
        'type': 'svm',
        'C': hp.lognormal('svm_C', 0, 1),
        'kernel': hp.choice('svm_kernel', [
            {'ktype': 'linear'},
            {'ktype': 'RBF', 'width': hp.lognormal('svm_rbf_width', 0, 1)},
        ]),
    },
    {
        'type': 'dtree',
        'criterion': hp.choice('dtree_criterion', ['gini', 'entropy']),
        'max_depth': hp.choice('dtree_max_depth',
            [None, hp.qlognormal('dtree_max_depth_int', 3, 1, 1)]),
        'min_samples_split': hp.qlognormal('dtree_min_samples_split', 2, 1, 1),
    },
])`;

const cores = () => Math.max(1, navigator.hardwareConcurrency || 1);

/** Reads the pasted Python as the user types (it is a pure, fast parse), never running it. */
function ReadPython() {
  const fieldId = useId();
  const { openInPlayground } = useNavigation();
  const [text, setText] = useState(START);
  const read = useMemo(() => {
    try {
      const document = parsePythonSpace(text);
      return { compiled: compileSpace(document.space), source: spaceToTypeScript(document) };
    } catch (error) {
      if (error instanceof PythonImportError) return { error: error.message };
      throw error;
    }
  }, [text]);
  return (
    <section className="python-topic-part" aria-labelledby={`${fieldId}-h`}>
      <h3 id={`${fieldId}-h`}>Read a Python space</h3>
      <p className="hint">
        Edit the Python: the playground reads it as data (it never runs it) and shows the parameters, when
        each one is active, and the same space in its own hp.* TypeScript.
      </p>
      <label htmlFor={fieldId}>Python space</label>
      <textarea
        id={fieldId}
        className="code python-code"
        value={text}
        spellCheck={false}
        rows={14}
        aria-invalid={'error' in read}
        onChange={(event) => setText(event.target.value)}
      />
      <div aria-live="polite">
        {'error' in read ? (
          <p className="error">{read.error}</p>
        ) : (
          <div className="python-topic-read">
            <SpaceView space={read.compiled} />
            <div className="python-panel">
              <label htmlFor={`${fieldId}-ts`}>The same space in the playground</label>
              <textarea
                id={`${fieldId}-ts`}
                className="code python-code"
                readOnly
                value={read.source}
                rows={14}
              />
              <div className="actions">
                <button
                  type="button"
                  className="primary"
                  onClick={() => {
                    const draft = loadDraft(cores()) ?? exampleDraft(undefined, cores());
                    openInPlayground({ ...draft, space: read.source }, 'the space read from Python');
                  }}
                >
                  Open in the playground
                </button>
              </div>
            </div>
          </div>
        )}
      </div>
    </section>
  );
}

/** An example's run as a cluster script: its space evaluated in the sandbox, then exported. */
function ExampleScript() {
  const selectId = useId();
  const [id, setId] = useState(EXAMPLES[3]?.id ?? EXAMPLES[0]!.id);
  const example = EXAMPLES.find((e) => e.id === id) ?? EXAMPLES[0]!;
  const draft = useMemo(() => exampleDraft(example, cores()), [example]);
  // The playground's own live check: the space module evaluated in the sandbox once it is ready.
  const { check } = useSpaceCheck(example.space, draft.settings.language);
  return (
    <section className="python-topic-part" aria-labelledby={`${selectId}-h`}>
      <h3 id={`${selectId}-h`}>Take an example to the cluster</h3>
      <p className="hint">
        The script Databricks recommends: SparkTrials runs trials in parallel on the workers, early_stop_fn
        ends a search that stopped improving, and mlflow.start_run() around fmin records it all as one run
        with a child run per trial. The examples come with their objective in Python (scikit-learn for Iris).
      </p>
      <label htmlFor={selectId}>Example</label>{' '}
      <select id={selectId} value={example.id} onChange={(event) => setId(event.target.value)}>
        {EXAMPLES.map((e) => (
          <option key={e.id} value={e.id}>
            {e.title}
          </option>
        ))}
      </select>
      <Suspense fallback={<p role="status">Loading…</p>}>
        <ExportPanel draft={draft} check={check} />
      </Suspense>
    </section>
  );
}

export default function PythonTopic(_props: TopicProps) {
  return (
    <div className="python-topic">
      <p className="lab-intro">
        The playground’s spaces are Hyperopt’s: the same hp.* calls, labels and conditional choices. Prototype
        here, then run the search on a cluster with the real objective; or bring a space from a notebook to
        see what it samples.
      </p>
      <ReadPython />
      <ExampleScript />
    </div>
  );
}
