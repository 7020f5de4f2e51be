/** A terminal stand-in for runDesk in process: a TTY stdout that records what is written, a stdin that is pressed. */
import {EventEmitter} from 'node:events';

export class FakeStdout extends EventEmitter {
	isTTY = true;
	columns = 100;
	rows = 30;
	out = '';
	write = (s: string) => {
		this.out += s;
		return true;
	};
}

export class FakeStdin extends EventEmitter {
	isTTY = true;
	data: string | null = null;
	setEncoding() {}
	setRawMode() {}
	resume() {}
	pause() {}
	ref() {}
	unref() {}
	read = () => {
		const d = this.data;
		this.data = null;
		return d;
	};
	/** One read of `s`, as a terminal delivers what arrives together. */
	press(s: string) {
		this.data = s;
		this.emit('readable');
	}
}
