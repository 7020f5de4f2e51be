/**
 * How domain code adds a signed entry to the review chain without doing the hashing itself: the caller
 * passes a Signer (store `signer`, which hashes with node:crypto), so signing a review, recording an
 * amendment and generating a demo store stay pure. A type only.
 */
import type {ChainEntry} from './model.js';

/** Returns the next entry for `chain`, linked to its last entry and hashed (the caller appends it). */
export type Signer = (chain: readonly ChainEntry[], kind: ChainEntry['kind'], data: ChainEntry['data'], signedAt: string) => ChainEntry;
