import type { Size } from './working-size';

/**
 * A JPEG's structure, checked without decoding a pixel: plain TypeScript so the Node and browser decoders
 * refuse the same files. Browsers draw a damaged JPEG without complaint, and libvips stops reading once it has
 * the rows the header asks for, so neither notices a file that was cut short, zero-filled or had its height
 * edited. This walks every segment to the End Of Image marker and, for Huffman-coded scans whose length can be
 * told without decoding coefficients (baseline scans, progressive DC scans and first AC passes), decodes the
 * Huffman codes to count blocks: the data must hold exactly the blocks the frame header declares. A progressive
 * file must also, by its end, have sent every coefficient of every component to full precision: zeros written
 * over its last scans leave the picture blurred or half-refined while the file still ends with its marker.
 */

export type StructureCheck = { ok: true; size: Size | null } | { ok: false; reason: string };

const damaged = (reason: string): StructureCheck => ({ ok: false, reason });

/** Bytes after a scan's last block and before the next marker that are tolerated (encoder padding quirks). */
const SLACK_BYTES = 16;

interface HuffmanTable {
  /** For each code length 1..16: largest code of that length (-1 if none), and where its symbols start. */
  maxCode: Int32Array;
  offset: Int32Array;
  symbols: Uint8Array;
}

interface Component {
  id: number;
  h: number;
  v: number;
}

interface Frame {
  width: number;
  height: number;
  /** Huffman-coded (not arithmetic or lossless) sequential or progressive frame, whose scans can be counted. */
  huffman: boolean;
  progressive: boolean;
  components: Component[];
}

const u16 = (bytes: Uint8Array, at: number): number => ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);

function buildTable(counts: Uint8Array, symbols: Uint8Array): HuffmanTable {
  const maxCode = new Int32Array(17).fill(-1);
  const offset = new Int32Array(17);
  let code = 0;
  let index = 0;
  for (let length = 1; length <= 16; length++) {
    const count = counts[length - 1] ?? 0;
    offset[length] = index - code;
    if (count > 0) maxCode[length] = code + count - 1;
    code = (code + count) << 1;
    index += count;
  }
  return { maxCode, offset, symbols };
}

/** Reads entropy-coded bits, undoing 0xFF00 byte stuffing; stops at a marker. */
class BitReader {
  private buffer = 0;
  private count = 0;
  /** Set when a marker was reached where a data bit was needed: the data ran out. */
  ranOut = false;

  constructor(
    private readonly bytes: Uint8Array,
    public at: number,
  ) {}

  bit(): number {
    if (this.count === 0) {
      const byte = this.bytes[this.at];
      if (byte === undefined || (byte === 0xff && this.bytes[this.at + 1] !== 0x00)) {
        this.ranOut = true;
        return 0;
      }
      this.at += byte === 0xff ? 2 : 1;
      this.buffer = byte;
      this.count = 8;
    }
    this.count -= 1;
    return (this.buffer >> this.count) & 1;
  }

  bits(n: number): number {
    let value = 0;
    for (let i = 0; i < n; i++) value = (value << 1) | this.bit();
    return value;
  }

  /** A Huffman symbol, or -1 for a code no table entry has (corrupt data). */
  decode(table: HuffmanTable): number {
    let code = 0;
    for (let length = 1; length <= 16; length++) {
      code = (code << 1) | this.bit();
      if (code <= (table.maxCode[length] ?? -1)) return table.symbols[code + (table.offset[length] ?? 0)] ?? -1;
    }
    return -1;
  }

  /** Drops the padding bits of the current byte, as at a restart marker or the end of a scan. */
  align(): void {
    this.count = 0;
  }
}

interface Scan {
  components: { component: Component; dc: HuffmanTable | undefined; ac: HuffmanTable | undefined }[];
  ss: number;
  se: number;
  ah: number;
  /** Successive approximation: the bit position this scan brings its coefficients down to. */
  al: number;
}

export function checkJpegStructure(bytes: Uint8Array): StructureCheck {
  const tables = new Map<number, HuffmanTable>();
  let frame: Frame | null = null;
  let restartInterval = 0;
  /** Progressive frames: for each component, the precision each of its 64 coefficients has reached (16: not sent). */
  const precision = new Map<Component, Uint8Array>();
  let at = 2;
  while (at + 1 < bytes.length) {
    if (bytes[at] !== 0xff) return damaged(`no marker at byte ${at}`);
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd9) {
      if (frame === null) return damaged('no frame header');
      if (frame.progressive && frame.components.some((component) => precision.get(component)?.some((bit) => bit !== 0) ?? true)) {
        return damaged('progressive scans missing: the picture was never sent in full');
      }
      return { ok: true, size: { width: frame.width, height: frame.height } };
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (at + 3 >= bytes.length) return damaged('cut off in a segment header');
    const length = u16(bytes, at + 2);
    const start = at + 4;
    const end = at + 2 + length;
    if (length < 2 || end > bytes.length) return damaged(`segment 0x${marker.toString(16)} runs past the end of the file`);
    const segment = bytes.subarray(start, end);

    if (marker === 0xc4) {
      for (let p = 0; p + 17 <= segment.length;) {
        const counts = segment.subarray(p + 1, p + 17);
        const total = counts.reduce((sum, count) => sum + count, 0);
        if (p + 17 + total > segment.length) return damaged('Huffman table cut short');
        tables.set(segment[p] ?? 0, buildTable(counts, segment.subarray(p + 17, p + 17 + total)));
        p += 17 + total;
      }
    } else if (marker === 0xdd) {
      restartInterval = u16(segment, 0);
    } else if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      frame = readFrame(segment, marker);
      if (frame === null) return damaged('frame header is invalid');
    }
    at = end;
    if (marker !== 0xda) continue;

    // Start Of Scan: count the blocks its entropy-coded data holds where that can be told, then find the next marker.
    if (frame === null) return damaged('scan before the frame header');
    const scan = readScan(segment, frame, tables);
    if (scan === null) return damaged('scan header is invalid');
    for (const { component } of scan.components) {
      const reached = precision.get(component) ?? new Uint8Array(64).fill(16);
      precision.set(component, reached);
      reached.fill(scan.al, scan.ss, Math.min(63, scan.se) + 1);
    }
    const countable = frame.huffman && (!frame.progressive || scan.ss === 0 || scan.ah === 0);
    if (countable) {
      const counted = countScan(bytes, at, frame, scan, restartInterval);
      if (typeof counted === 'string') return damaged(counted);
      at = counted;
    }
    // Inside entropy-coded data a 0xFF byte is followed by 0x00 or a restart marker, so this finds the next real marker.
    while (at + 1 < bytes.length && !(bytes[at] === 0xff && bytes[at + 1] !== 0x00 && ((bytes[at + 1] ?? 0) < 0xd0 || (bytes[at + 1] ?? 0) > 0xd7))) at += 1;
  }
  return damaged('no End Of Image marker: the file is cut short');
}

function readFrame(segment: Uint8Array, marker: number): Frame | null {
  const height = u16(segment, 1);
  const width = u16(segment, 3);
  const count = segment[5] ?? 0;
  if (width === 0 || height === 0 || count === 0 || segment.length < 6 + 3 * count) return null;
  const components: Component[] = [];
  for (let i = 0; i < count; i++) {
    const sampling = segment[7 + 3 * i] ?? 0;
    const h = sampling >> 4;
    const v = sampling & 15;
    if (h < 1 || h > 4 || v < 1 || v > 4) return null;
    components.push({ id: segment[6 + 3 * i] ?? 0, h, v });
  }
  // SOF0/1 sequential and SOF2 progressive are Huffman-coded; SOF3 is lossless, SOF9 and up arithmetic.
  return { width, height, huffman: marker <= 0xc2, progressive: marker === 0xc2, components };
}

function readScan(segment: Uint8Array, frame: Frame, tables: Map<number, HuffmanTable>): Scan | null {
  const count = segment[0] ?? 0;
  if (count === 0 || segment.length < 1 + 2 * count + 3) return null;
  const components: Scan['components'] = [];
  for (let i = 0; i < count; i++) {
    const component = frame.components.find((candidate) => candidate.id === segment[1 + 2 * i]);
    if (component === undefined) return null;
    const selectors = segment[2 + 2 * i] ?? 0;
    components.push({ component, dc: tables.get(selectors >> 4), ac: tables.get(0x10 | (selectors & 15)) });
  }
  const ss = segment[1 + 2 * count] ?? 0;
  const se = segment[2 + 2 * count] ?? 0;
  const ah = (segment[3 + 2 * count] ?? 0) >> 4;
  const al = (segment[3 + 2 * count] ?? 0) & 15;
  return { components, ss, se, ah, al };
}

/** Decodes the scan's Huffman codes up to its last block: the offset after its data, or what is wrong. */
function countScan(bytes: Uint8Array, start: number, frame: Frame, scan: Scan, restartInterval: number): number | string {
  const hMax = Math.max(...frame.components.map((component) => component.h));
  const vMax = Math.max(...frame.components.map((component) => component.v));
  const only = scan.components.length === 1 ? scan.components[0] : undefined;
  // A scan of one component codes its own blocks; an interleaved one codes whole MCUs of every component.
  const units =
    only === undefined
      ? Math.ceil(frame.width / (8 * hMax)) * Math.ceil(frame.height / (8 * vMax))
      : Math.ceil(Math.ceil((frame.width * only.component.h) / hMax) / 8) * Math.ceil(Math.ceil((frame.height * only.component.v) / vMax) / 8);
  const blocksPerUnit = scan.components.map(({ component }) => (only === undefined ? component.h * component.v : 1));

  const reader = new BitReader(bytes, start);
  const state = { eobRun: 0 };
  for (let unit = 0; unit < units; unit++) {
    if (restartInterval > 0 && unit > 0 && unit % restartInterval === 0) {
      reader.align();
      while (bytes[reader.at] === 0xff && bytes[reader.at + 1] === 0xff) reader.at += 1;
      const marker = bytes[reader.at + 1] ?? 0;
      if (bytes[reader.at] !== 0xff || marker < 0xd0 || marker > 0xd7) return `restart marker missing before block ${unit}`;
      reader.at += 2;
      state.eobRun = 0;
    }
    for (let c = 0; c < scan.components.length; c++) {
      const tables = scan.components[c]!;
      for (let block = 0; block < (blocksPerUnit[c] ?? 1); block++) {
        if (!codeBlock(reader, frame.progressive, scan, tables, state)) return `invalid Huffman code in block ${unit}`;
        if (reader.ranOut) return `the data ends after ${unit} of ${units} blocks: the file is cut short or damaged`;
      }
    }
  }
  reader.align();
  let extra = 0;
  while (reader.at + extra < bytes.length && !(bytes[reader.at + extra] === 0xff && bytes[reader.at + extra + 1] !== 0x00)) extra += 1;
  if (extra > SLACK_BYTES) return `${extra} bytes of data after the last block: the header does not match the picture data`;
  return reader.at + extra;
}

/** Reads one block's codes; false on a code no table has. */
function codeBlock(reader: BitReader, progressive: boolean, scan: Scan, tables: Scan['components'][number], state: { eobRun: number }): boolean {
  if (scan.ss === 0) {
    if (progressive && scan.ah > 0) {
      reader.bit(); // DC refinement: one bit per block.
      return true;
    }
    if (tables.dc === undefined) return false;
    const size = reader.decode(tables.dc);
    if (size < 0 || size > 16) return false;
    reader.bits(size);
    if (progressive) return true;
  }
  if (tables.ac === undefined) return false;
  if (progressive && state.eobRun > 0) {
    state.eobRun -= 1;
    return true;
  }
  for (let k = Math.max(1, scan.ss); k <= (progressive ? scan.se : 63);) {
    const symbol = reader.decode(tables.ac);
    if (symbol < 0) return false;
    const run = symbol >> 4;
    const size = symbol & 15;
    if (size === 0) {
      if (run === 15) {
        k += 16;
        continue;
      }
      // End of block; in a progressive scan, of this block and the next 2^run - 1 + extra bits.
      if (progressive) state.eobRun = (1 << run) - 1 + (run > 0 ? reader.bits(run) : 0);
      return true;
    }
    k += run;
    reader.bits(size);
    k += 1;
  }
  return true;
}
