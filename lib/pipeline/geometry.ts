/** An axis-aligned box in pixels of the original (un-resized) image. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}
