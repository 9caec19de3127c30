/**
 * The playground controls a classroom link or a lesson may hide (or point at). The ids travel in
 * links, so this list is the whitelist their decoder checks; the labels are what the share dialog
 * and the lesson panel call them.
 */
export const CONTROLS = [
  { id: 'space', label: 'Search space editor' },
  { id: 'objective', label: 'Objective editor' },
  { id: 'settings', label: 'Settings' },
  { id: 'algorithm', label: 'Algorithm' },
  { id: 'parallelism', label: 'Parallelism' },
  { id: 'examples', label: 'Examples' },
] as const;

export type ControlId = (typeof CONTROLS)[number]['id'];

export const isControlId = (value: unknown): value is ControlId => CONTROLS.some((c) => c.id === value);

export const controlLabel = (id: ControlId): string => CONTROLS.find((c) => c.id === id)!.label;
