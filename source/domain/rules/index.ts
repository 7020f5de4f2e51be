/** placeholder: rules API (replaced by the real rules engine at merge; no logic here). */
import type {IsoDate} from '../dates.js';
import type {StoreData} from '../model.js';
import type {Problem} from '../problem.js';

export function findProblems(_data: StoreData, _today: IsoDate): Problem[] {
	return [];
}
