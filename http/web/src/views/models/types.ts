/** A registered version (`ModelVersion`), as `GET /api/models` lists it. */
export interface ModelVersion {
  version: string;
  sha256: string;
  inputs: string[];
  outputs: string[];
  heldOut: Record<string, number>;
  floorsMet: boolean;
  registeredAt: string;
}

/** One change of the active version. */
export interface Activation {
  version: string;
  reason: string;
  automatic: boolean;
  at: string;
}

/** One model of `GET /api/models`. */
export interface Model {
  name: string;
  active: string | null;
  shadow: string | null;
  served: string | null;
  versions: ModelVersion[];
  activations: Activation[];
  liveQuality: Record<string, number>;
  liveDrift: Record<string, number>;
}

/** How a version was trained, from `GET /api/training/status`. */
export interface VersionTraining {
  version: string;
  dataHash: string;
  seed: number | null;
  wallSeconds: number | null;
  heldOut: Record<string, number>;
  floorsMet: boolean;
}

export interface ModelTraining {
  name: string;
  active: string | null;
  versions: VersionTraining[];
  liveQuality: Record<string, number>;
  liveDrift: Record<string, number>;
  retrainDue: boolean;
  reasons: string[];
}

export interface TrainingStatus {
  models: ModelTraining[];
}
