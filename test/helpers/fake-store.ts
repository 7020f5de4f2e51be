/**
 * A Store stand-in for desk tests that never save: it shows `data`, an apply changes nothing, and there
 * is never a change on disk. Pass `overrides` for what a test watches. saveCopy is not expected in these
 * tests, so it throws: a test that reaches it by mistake fails rather than passing quietly.
 */
import type {StoreData} from '../../source/domain/model.js';
import type {Store} from '../../source/store/index.js';

/** A saveCopy for stand-ins whose tests never save a copy. */
export const notExpected = async (file: string): Promise<void> => {
	throw new Error(`saveCopy(${file}) was not expected in this test.`);
};

export function fakeStore(data: StoreData, overrides: Partial<Store> = {}): Store {
	return {
		file: '/tmp/fortnight-test-store.json',
		readOnly: false,
		readOnlyReason: null,
		snapshot: () => data,
		apply: async () => ({merged: false, revision: 0}),
		changedOnDisk: async () => false,
		reload: async () => data,
		saveCopy: notExpected,
		...overrides,
	};
}
