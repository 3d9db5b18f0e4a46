// Checks a data file off the page's thread, so that a large file with many problems never
// freezes the tab (src/domain/handoff.rs; started by src/app/data_source.rs). It runs the app's
// own module (whose start mounts nothing without a page) and its loader: the same checks, the
// same messages.
//
// Message in: the file's bytes (an ArrayBuffer, transferred). Message out: `{ text }`, what the
// page needs as JSON text, or `{ error }` if the check could not run (the page then checks the
// file itself).
import init, { check_data_file } from './pkg/partnership_map.js';

const ready = init();

self.onmessage = async (event) => {
  try {
    await ready;
    self.postMessage({ text: check_data_file(new Uint8Array(event.data)) });
  } catch (error) {
    self.postMessage({ error: String(error?.message ?? error) });
  }
};
