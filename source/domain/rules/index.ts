// placeholder: rules API (branch `rules` replaces this file at merge; no logic here on purpose)
import type {IsoDate} from '../dates.js';
import type {StoreData} from '../model.js';
import type {Problem} from '../problem.js';

export function findProblems(_data: StoreData, _today: IsoDate): Problem[] {
	return [];
}
