import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLang } from '../../i18n/i18n';
import { EmptyState } from '../../ui/common';
import { AnchorPoint, createFurnaceScene, DEFECT_SITES, FurnaceScene } from './furnaceScene';
import { SceneLegend } from './SceneLegend';
import { sceneLabels } from './sceneLabels';
import { sceneState } from './sceneState';
import { t } from './text';
import { Figures } from './types';
import { LineReadings, rejectRates } from './useLineReadings';

/** Whether this browser can give a canvas a WebGL context. */
export function hasWebGL(): boolean {
  try {
    const probe = document.createElement('canvas');
    return !!(probe.getContext('webgl2') ?? probe.getContext('webgl'));
  } catch {
    return false;
  }
}

type Phase = 'loading' | 'ready' | 'unavailable';

/** Radians a second while the rotate toggle is on. */
const AUTO_SPEED = 0.5;
const KEY_STEP = 0.12;

/**
 * The furnace line in 3D, coloured by temperature, with defect markers where each reject class
 * arises. Drawn on demand (a change of data or a turn by the user), continuously only while the
 * rotate toggle is on; `data-fps` on the box is the measured rate of that rotation.
 */
export function Furnace3D(props: { furnace: string; estimate: Figures | undefined; readings: LineReadings }) {
  useLang();
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const labelLayer = useRef<HTMLDivElement>(null);
  const scene = useRef<FurnaceScene | null>(null);
  const frame = useRef<number | null>(null);
  const rotating = useRef(false);
  const fps = useRef({ frames: 0, since: 0, last: 0 });
  const [phase, setPhase] = useState<Phase>(() => (hasWebGL() ? 'loading' : 'unavailable'));
  const [autoRotate, setAutoRotate] = useState(false);

  const state = useMemo(() => sceneState(props.estimate, props.readings), [props.estimate, props.readings]);
  const rates = useMemo(() => rejectRates(props.readings, DEFECT_SITES), [props.readings]);
  const labels = sceneLabels(state.temps, rates);

  function placeLabels(points: AnchorPoint[]) {
    const layer = labelLayer.current;
    if (!layer) return;
    for (const p of points) {
      const el = layer.querySelector<HTMLElement>(`[data-anchor="${p.id}"]`);
      if (!el) continue;
      el.style.transform = `translate(${p.x.toFixed(1)}px, ${p.y.toFixed(1)}px) translate(-50%, -100%)`;
      el.style.visibility = p.visible ? 'visible' : 'hidden';
    }
  }

  function draw(now: number) {
    frame.current = null;
    const s = scene.current;
    if (!s) return;
    if (rotating.current) {
      const m = fps.current;
      const dt = m.last ? Math.min(0.1, (now - m.last) / 1000) : 0;
      m.last = now;
      s.orbit(AUTO_SPEED * dt, 0);
      m.frames++;
      if (now - m.since >= 1000) {
        box.current?.setAttribute('data-fps', String(Math.round((m.frames * 1000) / (now - m.since))));
        m.frames = 0;
        m.since = now;
      }
    }
    placeLabels(s.render());
    if (rotating.current) request();
  }

  function request() {
    if (frame.current === null) frame.current = requestAnimationFrame(draw);
  }

  // Start the renderer: three.js is loaded only here, so that it stays out of the first page load.
  useEffect(() => {
    if (phase !== 'loading') return undefined;
    let cancelled = false;
    let observer: ResizeObserver | null = null;
    const lost = (e: Event) => {
      e.preventDefault();
      setPhase('unavailable');
    };
    import('three')
      .then((three) => {
        if (cancelled || !canvas.current) return;
        const s = createFurnaceScene(three, canvas.current);
        scene.current = s;
        canvas.current.addEventListener('webglcontextlost', lost);
        const resize = () => {
          const el = canvas.current;
          if (!el) return;
          s.resize(el.clientWidth, el.clientHeight);
          request();
        };
        observer = new ResizeObserver(resize);
        observer.observe(canvas.current);
        resize();
        setPhase('ready');
      })
      .catch(() => {
        if (!cancelled) setPhase('unavailable');
      });
    return () => {
      cancelled = true;
      observer?.disconnect();
      if (frame.current !== null) cancelAnimationFrame(frame.current);
      frame.current = null;
      canvas.current?.removeEventListener('webglcontextlost', lost);
      scene.current?.dispose();
      scene.current = null;
    };
    // Started once per mount; the handlers read refs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    scene.current?.update(state);
    request();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state, phase]);

  // Labels re-render with new text: put them back in place on the next frame.
  useEffect(() => {
    request();
  });

  useEffect(() => {
    rotating.current = autoRotate;
    fps.current = { frames: 0, since: performance.now(), last: 0 };
    if (autoRotate) request();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [autoRotate]);

  const drag = useRef<{ x: number; y: number } | null>(null);
  function onPointerDown(e: PointerEvent) {
    drag.current = { x: e.clientX, y: e.clientY };
    (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
  }
  function onPointerMove(e: PointerEvent) {
    if (!drag.current || !scene.current) return;
    scene.current.orbit(-(e.clientX - drag.current.x) * 0.008, (e.clientY - drag.current.y) * 0.006);
    drag.current = { x: e.clientX, y: e.clientY };
    request();
  }
  function onPointerUp() {
    drag.current = null;
  }
  function onKeyDown(e: KeyboardEvent) {
    const s = scene.current;
    if (!s) return;
    const turns: Record<string, () => void> = {
      ArrowLeft: () => s.orbit(KEY_STEP, 0),
      ArrowRight: () => s.orbit(-KEY_STEP, 0),
      ArrowUp: () => s.orbit(0, KEY_STEP / 2),
      ArrowDown: () => s.orbit(0, -KEY_STEP / 2),
      '+': () => s.zoom(0.9),
      '=': () => s.zoom(0.9),
      '-': () => s.zoom(1.1),
    };
    const turn = turns[e.key];
    if (!turn) return;
    e.preventDefault();
    turn();
    request();
  }

  return (
    <div class="twin-3d-wrap">
      <div class="twin-3d" ref={box} data-testid="twin-3d" data-fps="0" data-phase={phase}>
        {phase === 'unavailable' ? (
          <EmptyState icon="⬡" title={t('scene.noWebgl')} detail={t('scene.noWebglDetail')} />
        ) : (
          <>
            <canvas
              ref={canvas}
              class="twin-canvas"
              tabIndex={0}
              aria-label={t('scene.aria', { furnace: props.furnace })}
              onPointerDown={onPointerDown}
              onPointerMove={onPointerMove}
              onPointerUp={onPointerUp}
              onPointerCancel={onPointerUp}
              onKeyDown={onKeyDown}
            />
            <div class="twin-labels" ref={labelLayer} aria-hidden="true">
              {phase === 'ready' &&
                labels.map((l) => (
                  <div key={l.id} class={`twin-label ${l.kind}`} data-anchor={l.id}>
                    <span class="twin-label-name">{l.name}</span> <span class="twin-label-value">{l.value}</span>
                  </div>
                ))}
            </div>
            {phase === 'loading' && <div class="twin-3d-loading">{t('scene.loading')}</div>}
            {phase === 'ready' && (
              <button
                type="button"
                class={`btn small twin-rotate${autoRotate ? ' on' : ''}`}
                data-testid="twin-rotate"
                aria-pressed={autoRotate}
                onClick={() => setAutoRotate((r) => !r)}
              >
                {autoRotate ? `■ ${t('scene.rotateStop')}` : `↻ ${t('scene.rotate')}`}
              </button>
            )}
          </>
        )}
      </div>
      <SceneLegend rates={rates} showHint={phase !== 'unavailable'} />
    </div>
  );
}
