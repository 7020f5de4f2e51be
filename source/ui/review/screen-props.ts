/** What every review screen (the guided review, the amendment) is given by the desk. */
import type {IsoDate} from '../../domain/dates.js';
import type {StoreData} from '../../domain/model.js';
import type {Store} from '../../store/index.js';
import type {DeskActor} from '../desk/desk-actor.js';
import type {ReviewKeys} from './use-review-keys.js';

export interface ReviewScreenBaseProps {
	/** The snapshot the screen opens on. */
	data: StoreData;
	/**
	 * Standing alone (tests, the bench): where changes are saved, none meaning nothing can be. Inside the
	 * desk the store comes from its context (store/store-context.ts) and this is not given.
	 */
	store?: Store;
	caseRef: string;
	today: IsoDate;
	/** Who is at the keyboard: the draft's author, the signer (README "Who you are"). */
	actor: DeskActor;
	width: number;
	rows: number;
	/** False while another part of the desk has the keyboard (default true). */
	isActive?: boolean;
	/** Inside the desk: keys come from its queue (see use-review-keys.ts) instead of Ink's useInput. */
	keys?: ReviewKeys;
	color?: boolean;
	/** Leave the screen. */
	onExit: () => void;
	/** Standing alone: told of each new snapshot the screen's writes leave (inside the desk, the desk's store publishes it). */
	onChanged?: (data: StoreData) => void;
	/** Clock for saved times (tests fix it). */
	now?: () => Date;
}
