// Checks a data file off the page's thread, so that a large file with many problems never
// freezes the tab (src/domain/handoff.rs; started by src/app/data_source.rs). It runs the app's
// own module (whose start mounts nothing without a page) and its loader: the same checks, the
// same messages.
//
// Message in: the file (a File, which the worker reads itself, so the page neither reads nor
// copies it; an ArrayBuffer is taken too). Message out: `{ text }`, what the page needs as JSON
// text, or `{ error }` if the check could not run (the page then checks the file itself).
import init, { check_data_file } from './pkg/partnership_map.js';

// Started as soon as the worker is: the module compiles while the file is chosen and read.
const ready = init();

self.onmessage = async (event) => {
  try {
    const data = event.data;
    const [, buffer] = await Promise.all([ready, data instanceof Blob ? data.arrayBuffer() : data]);
    self.postMessage({ text: check_data_file(new Uint8Array(buffer)) });
  } catch (error) {
    self.postMessage({ error: String(error?.message ?? error) });
  }
};
