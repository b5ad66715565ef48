import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client';
import { useLive } from '../../live/live';
import type { Prediction } from './types';

/** Predictions come once a minute of feature vectors; one is stale after missing two. */
export const PREDICTION_STALE_MS = 150_000;

export interface LatestPrediction {
  prediction: Prediction | null;
  /** When it arrived here (epoch ms); null before the first. */
  receivedAt: number | null;
  error: ApiError | null;
  loaded: boolean;
}

/**
 * A furnace's latest prediction: the one the explainability API knows (404 while there is none),
 * then each `prediction` event of its `furnace/{id}` topic.
 */
export function usePrediction(furnace: string): LatestPrediction {
  const [state, setState] = useState<LatestPrediction>({ prediction: null, receivedAt: null, error: null, loaded: false });

  useEffect(() => {
    let cancelled = false;
    setState({ prediction: null, receivedAt: null, error: null, loaded: false });
    api
      .get<{ prediction: Prediction }>(`/api/explainability/prediction?furnace=${encodeURIComponent(furnace)}`)
      .then((r) => {
        if (!cancelled) setState((s) => (s.prediction ? { ...s, loaded: true } : { prediction: r.prediction, receivedAt: r.prediction.at, error: null, loaded: true }));
      })
      .catch((e: unknown) => {
        const error = e instanceof ApiError ? e : new ApiError({ title: String(e), status: 0 });
        if (!cancelled) setState((s) => ({ ...s, error: error.status === 404 ? null : error, loaded: true }));
      });
    return () => {
      cancelled = true;
    };
  }, [furnace]);

  useLive(`furnace/${furnace}`, (e) => {
    if (e.type === 'prediction' && e.data) setState({ prediction: e.data as Prediction, receivedAt: Date.now(), error: null, loaded: true });
  });

  return state;
}
