// Draws the map's canvas off the page's main thread (src/map/surface.rs). Above 500 links a map
// draws on one canvas, and on a machine without a GPU Chromium rasterises a canvas in software
// on the thread that draws it: at 10,000 pairs that took 12 to 15 ms of every frame of the main
// thread (traced), on top of the filter change itself. The page hands this worker the canvas
// (`transferControlToOffscreen`) and sends each frame as numbers; this worker replays them.
//
// Messages: `{ canvas }` once; `{ size: [width, height, pixelRatio] }` when the map's box
// changes; `{ frame, ops, strings }` for each frame. Only the latest frame waiting is drawn.
// After drawing one, the worker answers with its number.
//
// Nothing from the data reaches this file: the numbers are coordinates, widths and counts, the
// strings colours chosen by the app.
'use strict';

// The operations, as src/map/surface.rs writes them (opcode, then its operands).
const CLEAR = 0, BEGIN = 1, MOVE = 2, LINE = 3, CLOSE = 4, CIRCLE = 5, STROKE = 6, FILL = 7, COUNT = 8;
const FONT = 'bold 11px system-ui, sans-serif';
const DIGIT_HEIGHT = 14;

let canvas = null;
let ctx = null;
let size = [0, 0, 1];
let digits = null;
let waiting = null;
let scheduled = false;

// The ten digits in white, typeset once at the pixel ratio: a group's count is copied from them
// digit by digit (typesetting text in every frame costs a millisecond or more).
function typesetDigits(ratio) {
  const measure = new OffscreenCanvas(1, 1).getContext('2d');
  measure.font = FONT;
  const glyphs = [];
  let x = 1;
  for (let d = 0; d < 10; d++) {
    const w = measure.measureText(String(d)).width;
    glyphs.push([x, w]);
    // Apart, so that no digit bleeds into its neighbour when scaled.
    x += Math.ceil(w) + 2;
  }
  const image = new OffscreenCanvas(Math.ceil(x * ratio), Math.ceil(DIGIT_HEIGHT * ratio));
  const g = image.getContext('2d');
  g.setTransform(ratio, 0, 0, ratio, 0, 0);
  g.font = FONT;
  g.textBaseline = 'middle';
  g.fillStyle = '#ffffff';
  glyphs.forEach(([gx], d) => g.fillText(String(d), gx, DIGIT_HEIGHT / 2 + 0.5));
  return { image, glyphs, ratio };
}

function resize([width, height, ratio]) {
  size = [width, height, ratio];
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  // Resizing resets the context. Butt caps and miter joins: a software rasteriser strokes them
  // about a quarter faster than round ones, with no visible change on lines this thin.
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.lineCap = 'butt';
  ctx.lineJoin = 'miter';
  if (!digits || digits.ratio !== ratio) digits = typesetDigits(ratio);
}

// `n` centred on (x, y).
function count(n, x, y) {
  const ds = String(n).split('').map(Number);
  const width = ds.reduce((sum, d) => sum + digits.glyphs[d][1], 0);
  let left = x - width / 2;
  const top = y - DIGIT_HEIGHT / 2;
  const r = digits.ratio;
  for (const d of ds) {
    const [sx, w] = digits.glyphs[d];
    // The glyph's box, a pixel wider on each side for its anti-aliased edges.
    ctx.drawImage(digits.image, (sx - 1) * r, 0, (w + 2) * r, DIGIT_HEIGHT * r, left - 1, top, w + 2, DIGIT_HEIGHT);
    left += w;
  }
}

function draw(ops, strings) {
  let i = 0;
  while (i < ops.length) {
    switch (ops[i++]) {
      case CLEAR:
        ctx.clearRect(0, 0, size[0], size[1]);
        break;
      case BEGIN:
        ctx.beginPath();
        break;
      case MOVE:
        ctx.moveTo(ops[i], ops[i + 1]);
        i += 2;
        break;
      case LINE:
        ctx.lineTo(ops[i], ops[i + 1]);
        i += 2;
        break;
      case CLOSE:
        ctx.closePath();
        break;
      case CIRCLE:
        ctx.moveTo(ops[i] + ops[i + 2], ops[i + 1]);
        ctx.arc(ops[i], ops[i + 1], ops[i + 2], 0, 2 * Math.PI);
        i += 3;
        break;
      case STROKE: {
        ctx.strokeStyle = strings[ops[i]];
        ctx.lineWidth = ops[i + 1];
        ctx.globalAlpha = ops[i + 2];
        const dashes = ops[i + 3];
        ctx.setLineDash(Array.from(ops.subarray(i + 4, i + 4 + dashes)));
        ctx.stroke();
        ctx.globalAlpha = 1;
        i += 4 + dashes;
        break;
      }
      case FILL:
        ctx.fillStyle = strings[ops[i++]];
        ctx.fill();
        break;
      case COUNT:
        count(ops[i], ops[i + 1], ops[i + 2]);
        i += 3;
        break;
      default:
        // A frame this file cannot read: stop rather than draw nonsense.
        return;
    }
  }
}

onmessage = ({ data }) => {
  if (data.canvas) {
    canvas = data.canvas;
    ctx = canvas.getContext('2d');
    return;
  }
  if (data.size) {
    resize(data.size);
    return;
  }
  waiting = data;
  if (scheduled) return;
  scheduled = true;
  // Frames sent while one is being drawn wait in the queue: only the latest is drawn.
  setTimeout(() => {
    scheduled = false;
    const { frame, ops, strings } = waiting;
    waiting = null;
    if (ctx) draw(ops, strings);
    postMessage(frame);
  }, 0);
};
