/** The lessons shipped with the playground, in the order the lessons list shows them. */
import { choiceIndex } from './content/choiceIndex';
import { earlyStopping } from './content/earlyStopping';
import { parallelism } from './content/parallelism';
import { randomVsTpe } from './content/randomVsTpe';
import { searchSpace } from './content/searchSpace';
import type { Lesson } from './model';

export const LESSONS: readonly Lesson[] = [searchSpace, randomVsTpe, choiceIndex, parallelism, earlyStopping];

export function findLesson(id: string | undefined): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
