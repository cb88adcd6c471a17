export type Role = 'pupil' | 'staff';

export interface Consents {
  socialMedia: boolean;
  website: boolean;
  print: boolean;
  /** The pupil's first name may be published on its own. */
  name: boolean;
  /** A face template may be built from the reference photo. */
  biometric: boolean;
}

export interface Person {
  /** UPN for pupils; the staff code for staff. */
  id: string;
  legalForename: string;
  surname: string;
  preferredForename: string;
  year: string;
  regGroup: string;
  role: Role;
  consents: Consents;
  /** Reference photo path relative to the roster CSV, as written in it. */
  photoFile?: string;
}

/** A face descriptor of an enrolled person. Only built where biometric consent is given. */
export interface FaceTemplate {
  personId: string;
  /** Id of the descriptor model, so templates from another model are never compared. */
  modelId: string;
  descriptor: number[];
}

export interface Roster {
  people: Person[];
  templates: FaceTemplate[];
}
