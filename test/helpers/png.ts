/**
 * Reads a PNG (8-bit RGB or RGBA, not interlaced: what Chromium's --screenshot writes) into pixels,
 * with node:zlib only, so a test can measure how much of a screenshot is drawn.
 */
import {inflateSync} from 'node:zlib';

export interface Png {
	width: number;
	height: number;
	/** Bytes per pixel: 3 (RGB) or 4 (RGBA). */
	channels: number;
	/** Unfiltered rows, `width * channels` bytes each. */
	data: Uint8Array;
}

export function readPng(buf: Buffer): Png {
	if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
	let at = 8;
	let width = 0,
		height = 0,
		channels = 0;
	const idat: Buffer[] = [];
	while (at < buf.length) {
		const len = buf.readUInt32BE(at);
		const type = buf.toString('latin1', at + 4, at + 8);
		const body = buf.subarray(at + 8, at + 8 + len);
		if (type === 'IHDR') {
			width = body.readUInt32BE(0);
			height = body.readUInt32BE(4);
			const [depth, colour, , , interlace] = [body[8], body[9], body[10], body[11], body[12]];
			if (depth !== 8 || (colour !== 2 && colour !== 6) || interlace !== 0)
				throw new Error(`unsupported PNG: depth ${depth}, colour type ${colour}, interlace ${interlace}`);
			channels = colour === 6 ? 4 : 3;
		} else if (type === 'IDAT') idat.push(body);
		else if (type === 'IEND') break;
		at += 12 + len;
	}
	const raw = inflateSync(Buffer.concat(idat));
	const stride = width * channels;
	const data = new Uint8Array(stride * height);
	for (let y = 0; y < height; y++) {
		const filter = raw[y * (stride + 1)]!;
		const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
		const out = y * stride;
		for (let x = 0; x < stride; x++) {
			const a = x >= channels ? data[out + x - channels]! : 0;
			const b = y > 0 ? data[out - stride + x]! : 0;
			const c = x >= channels && y > 0 ? data[out - stride + x - channels]! : 0;
			let v = line[x]!;
			if (filter === 1) v += a;
			else if (filter === 2) v += b;
			else if (filter === 3) v += (a + b) >> 1;
			else if (filter === 4) {
				const p = a + b - c;
				const pa = Math.abs(p - a),
					pb = Math.abs(p - b),
					pc = Math.abs(p - c);
				v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
			}
			data[out + x] = v & 0xff;
		}
	}
	return {width, height, channels, data};
}

/** The colour at (x, y) as [r, g, b]. */
export function pixel(png: Png, x: number, y: number): [number, number, number] {
	const i = (y * png.width + x) * png.channels;
	return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
}
