/**
 * Test support (not exported from the package index): trial documents built from plain records, the
 * way fmin would have stored them.
 */
import { valsToMisc } from '../../space/misc';
import type { CompiledSpace, Vals } from '../../space/types';
import { newTrialDoc } from '../../trials/docs';
import {
  JOB_STATE_DONE,
  JOB_STATE_RUNNING,
  STATUS_FAIL,
  STATUS_OK,
  STATUS_RUNNING,
} from '../../trials/types';
import type { TrialDoc } from '../../trials/types';

/** A history record: the vals of a trial and how it ended (`loss` null for failed/pending). */
export interface HistoryRecord {
  tid: number;
  vals: Vals;
  status: 'ok' | 'fail' | 'running';
  loss: number | null;
}

/** One trial document per record, in the given order. */
export function docsFromHistory(space: CompiledSpace, records: readonly HistoryRecord[]): TrialDoc[] {
  return records.map((record) => {
    const doc = newTrialDoc(record.tid, valsToMisc(space, record.tid, record.vals));
    if (record.status === 'ok') {
      doc.state = JOB_STATE_DONE;
      doc.result = { status: STATUS_OK, loss: record.loss ?? NaN };
    } else if (record.status === 'fail') {
      doc.state = JOB_STATE_DONE;
      doc.result = { status: STATUS_FAIL };
    } else {
      doc.state = JOB_STATE_RUNNING;
      doc.result = { status: STATUS_RUNNING };
    }
    return doc;
  });
}
