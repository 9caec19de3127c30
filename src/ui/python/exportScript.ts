/**
 * The playground's draft as the input of the Python script generator: its settings through the run
 * request's own decode function (so a setting the Run button would refuse is refused here with the
 * same sentence), and the objective as Python when the draft holds a built-in example's.
 */
import type { SpaceDocument } from '../../core';
import { pythonScript } from '../../core/python';
import { decodeRunRequest } from '../../runtime/run/runRequest';
import type { Draft } from '../draft/draft';
import { toRunRequest } from '../settings/settingsModel';
import { exampleFor } from './exampleObjectives';

export interface ExportedScript {
  script: string;
  /** The example whose Python objective is included, or undefined for the stub. */
  example: string | undefined;
}

/** @throws RunRequestError naming a setting that is not valid, RangeError for an unknown algorithm. */
export function exportScript(draft: Draft, space: SpaceDocument): ExportedScript {
  const request = decodeRunRequest(toRunRequest(draft.settings, space, draft.objective));
  const { version: _version, space: _space, objective: _objective, ...settings } = request;
  const found = exampleFor(draft.objective);
  const script = pythonScript({
    space,
    settings,
    objective: found?.python ?? { kind: 'stub', source: draft.objective, language: draft.settings.language },
    ...(found === undefined ? {} : { title: found.example.title }),
  });
  return { script, example: found?.example.title };
}
