import type { SettingsDraft } from '../settings/settingsModel';

/** A runnable starting point of the gallery. */
export interface Example {
  id: string;
  title: string;
  /** One line: what it shows. */
  summary: string;
  /** The space module (TypeScript). */
  space: string;
  /** The objective module (TypeScript). */
  objective: string;
  /** Settings that differ from the defaults. */
  settings: Partial<SettingsDraft>;
}
