/** Draws one image sample (values 0–1, [h, w, c]) onto a canvas. */
export function drawSample(canvas: HTMLCanvasElement | null, values: Float32Array, shape: number[]) {
  if (!canvas) return;
  const [height = 1, width = 1, channels = 1] = shape;
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return;
  const image = context.createImageData(width, height);
  for (let p = 0; p < width * height; p++) {
    for (let k = 0; k < 3; k++) image.data[p * 4 + k] = Math.round((values[p * channels + (channels === 1 ? 0 : k)] ?? 0) * 255);
    image.data[p * 4 + 3] = 255;
  }
  context.putImageData(image, 0, 0);
}
