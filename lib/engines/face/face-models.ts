/**
 * The model files the face engine reads, by path under the models root (models/manifest.ts lists where each comes
 * from and its checksum). Changing any of them, or how faces are aligned, changes the descriptors: bump MODEL_ID so
 * templates enrolled with the old ones are not compared.
 */
export const FACE_MODEL_PATHS = {
  /** MediaPipe BlazeFace, back-camera (long-range) variant: 256x256 input, 896 anchors. */
  detector: 'human-models/blazeface-back.json',
  /** MediaPipe face mesh: 468 landmarks, used to align faces before description. */
  mesh: 'human-models/facemesh.json',
  /** face-api's port of dlib's face recognition ResNet: 128-D descriptors. */
  recognition: 'face-api/face_recognition_model-weights_manifest.json',
} as const;

/**
 * Descriptor model and version, the alignment that shapes its input (mesh eyes, nose and mouth onto dlib's 150 px
 * chip) and the unit-length form of its output (unit-descriptor.ts).
 */
export const DESCRIPTOR_MODEL_ID = 'face-api-1.7.15/dlib-resnet-128/mesh-aligned/lifted-r2/v1';
