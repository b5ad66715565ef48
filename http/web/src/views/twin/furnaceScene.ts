import type * as ThreeNs from 'three';
import { rampColor } from './colorRamp';

type Three = typeof ThreeNs;

/** The zones of the line that take a temperature colour, hot end first. */
export const ZONES = [
  'regen.L',
  'regen.R',
  'crown.1',
  'crown.2',
  'crown.3',
  'crown.4',
  'crown.5',
  'crown.6',
  'bath.top',
  'bath.bottom',
  'throat',
  'fh.1',
  'fh.2',
  'fh.3',
  'gob',
  'lehr.1',
  'lehr.2',
  'lehr.3',
  'lehr.4',
  'lehr.5',
  'lehr.6',
] as const;

export type ZoneId = (typeof ZONES)[number];

/** The inspection classes, each drawn where it arises (DOMAIN.md §4). */
export const DEFECT_SITES = ['bubble', 'stone', 'crack', 'chip'] as const;

export type DefectSite = (typeof DEFECT_SITES)[number];

/** Where each label of the scene is anchored (its text is the caller's). */
export const ANCHORS = ['regen.L', 'regen.R', 'crown', 'bath', 'throat', 'fh', 'gob', 'lehr', ...DEFECT_SITES] as const;

export type AnchorId = (typeof ANCHORS)[number];

/** What the scene shows: °C per zone (null: unknown, drawn grey) and 0..1 intensity per defect site. */
export interface SceneState {
  temps: Partial<Record<ZoneId, number | null>>;
  defects: Partial<Record<DefectSite, number | null>>;
}

/** A label's place on the canvas after a render, in CSS pixels. */
export interface AnchorPoint {
  id: AnchorId;
  x: number;
  y: number;
  visible: boolean;
}

/** The 3D furnace line: recoloured by {@link update}, drawn by {@link render}, turned by {@link orbit}. */
export interface FurnaceScene {
  update(state: SceneState): void;
  orbit(dAzimuth: number, dElevation: number): void;
  zoom(factor: number): void;
  resize(width: number, height: number): void;
  /** Draws one frame and returns where the labels go. */
  render(): AnchorPoint[];
  dispose(): void;
}

const UNKNOWN = 0x3a4651;
/** Labels are centred on their anchor but kept this far (px) from the canvas's sides. */
const LABEL_MARGIN = 80;
const REFRACTORY = 0x5b6670;

const DEFECT_COLOURS: Record<DefectSite, number> = {
  bubble: 0x6fd3ff,
  stone: 0xd9b27c,
  crack: 0xff4f6d,
  chip: 0xffc94d,
};

/** Centre and extent of a box, x along the flow, y up, z across (metres, roughly to scale). */
interface Box {
  x: number;
  y: number;
  z: number;
  w: number;
  h: number;
  d: number;
}

/**
 * Builds the furnace line on `canvas`: the melter tank with its glass bath (top and bottom layers)
 * under a crown of six segments, the two regenerators behind the back wall, the submerged throat,
 * a forehearth of three zones ending at the gob feeder, and a lehr of six zones. Throws when the
 * WebGL renderer cannot start.
 */
export function createFurnaceScene(T: Three, canvas: HTMLCanvasElement): FurnaceScene {
  const renderer = new T.WebGLRenderer({ canvas, antialias: true, powerPreference: 'low-power' });
  renderer.setPixelRatio(Math.min(window.devicePixelRatio || 1, 2));
  renderer.setClearColor(0x0a1015, 1);

  const scene = new T.Scene();
  const camera = new T.PerspectiveCamera(24, 16 / 9, 1, 500);
  const target = new T.Vector3(8.5, 1.2, 0);
  let azimuth = -0.3;
  let elevation = 0.55;
  let distance = 58;

  scene.add(new T.HemisphereLight(0xdde8f0, 0x1a2228, 1.1));
  const sun = new T.DirectionalLight(0xffffff, 1.4);
  sun.position.set(-10, 30, 20);
  scene.add(sun);

  const grid = new T.GridHelper(80, 40, 0x22313c, 0x18232b);
  grid.position.set(9, -0.01, 0);
  scene.add(grid);

  const zoneMaterials = new Map<ZoneId, ThreeNs.MeshLambertMaterial>();
  const defectMeshes = new Map<DefectSite, ThreeNs.Mesh<ThreeNs.SphereGeometry, ThreeNs.MeshBasicMaterial>>();
  const anchors = new Map<AnchorId, ThreeNs.Vector3>();

  function mesh(geometry: ThreeNs.BufferGeometry, material: ThreeNs.Material, b: { x: number; y: number; z: number }) {
    const m = new T.Mesh(geometry, material);
    m.position.set(b.x, b.y, b.z);
    scene.add(m);
    return m;
  }

  function zoneMaterial(zone: ZoneId, opts: { opacity?: number } = {}) {
    const material = new T.MeshLambertMaterial({
      color: UNKNOWN,
      transparent: opts.opacity !== undefined,
      opacity: opts.opacity ?? 1,
      depthWrite: opts.opacity === undefined,
    });
    zoneMaterials.set(zone, material);
    return material;
  }

  function zoneBox(zone: ZoneId, b: Box, opacity?: number) {
    return mesh(new T.BoxGeometry(b.w, b.h, b.d), zoneMaterial(zone, { opacity }), b);
  }

  const refractory = new T.MeshLambertMaterial({ color: REFRACTORY, transparent: true, opacity: 0.35, depthWrite: false });
  const steel = new T.MeshLambertMaterial({ color: 0x2c3640 });
  function wall(b: Box, material: ThreeNs.Material = refractory) {
    mesh(new T.BoxGeometry(b.w, b.h, b.d), material, b);
  }
  function outline(b: Box) {
    const e = new T.LineSegments(new T.EdgesGeometry(new T.BoxGeometry(b.w, b.h, b.d)), new T.LineBasicMaterial({ color: 0x6c7a86 }));
    e.position.set(b.x, b.y, b.z);
    scene.add(e);
  }

  // Melter: tank x −6..4, 6 m wide, bath 1.2 m deep in two layers; side walls up to the crown springs.
  const tank = { x0: -6, x1: 4, w: 6, bath: 1.2, wall: 1.7 };
  const tankLength = tank.x1 - tank.x0;
  const tankX = (tank.x0 + tank.x1) / 2;
  zoneBox('bath.bottom', { x: tankX, y: tank.bath / 4, z: 0, w: tankLength, h: tank.bath / 2, d: tank.w });
  zoneBox('bath.top', { x: tankX, y: (tank.bath * 3) / 4, z: 0, w: tankLength, h: tank.bath / 2, d: tank.w });
  wall({ x: tankX, y: tank.wall / 2, z: tank.w / 2 + 0.2, w: tankLength + 0.8, h: tank.wall, d: 0.4 });
  wall({ x: tankX, y: tank.wall / 2, z: -tank.w / 2 - 0.2, w: tankLength + 0.8, h: tank.wall, d: 0.4 });
  wall({ x: tank.x0 - 0.2, y: tank.wall / 2 + 0.6, z: 0, w: 0.4, h: tank.wall + 1.2, d: tank.w });
  wall({ x: tank.x1 + 0.2, y: tank.wall / 2 + 0.6, z: 0, w: 0.4, h: tank.wall + 1.2, d: tank.w });
  outline({ x: tankX, y: tank.wall / 2, z: 0, w: tankLength + 0.8, h: tank.wall, d: tank.w + 0.8 });
  anchors.set('bath', new T.Vector3(tankX - 1.5, tank.bath, tank.w / 2 + 0.4));

  // Crown: a flattened arch over the tank in six segments, one per crown thermocouple.
  const segment = tankLength / 6;
  for (let i = 0; i < 6; i++) {
    const arch = new T.CylinderGeometry(tank.w / 2 + 0.4, tank.w / 2 + 0.4, segment * 0.96, 24, 1, true, 0, Math.PI);
    const material = zoneMaterial(`crown.${i + 1}` as ZoneId, { opacity: 0.55 });
    material.side = T.DoubleSide;
    const m = new T.Mesh(arch, material);
    m.rotation.set(0, 0, Math.PI / 2);
    m.scale.set(0.55, 1, 1);
    m.position.set(tank.x0 + segment * (i + 0.5), tank.wall, 0);
    scene.add(m);
  }
  anchors.set('crown', new T.Vector3(tankX + 1.5, tank.wall + 2.6, 0));

  // Regenerators behind the back wall, left and right, joined to it by their ports.
  for (const side of ['L', 'R'] as const) {
    const z = side === 'L' ? -2.1 : 2.1;
    zoneBox(`regen.${side}`, { x: tank.x0 - 3.6, y: 3, z, w: 3, h: 6, d: 3.4 });
    outline({ x: tank.x0 - 3.6, y: 3, z, w: 3, h: 6, d: 3.4 });
    wall({ x: tank.x0 - 1.2, y: 2.2, z, w: 1.8, h: 1.1, d: 1.6 }, steel);
    anchors.set(`regen.${side}`, new T.Vector3(tank.x0 - 3.6, 6.4, z));
  }

  // Throat: the submerged channel from the melter to the working end.
  zoneBox('throat', { x: tank.x1 + 1.1, y: 0.3, z: 0, w: 1.8, h: 0.6, d: 1.2 });
  anchors.set('throat', new T.Vector3(tank.x1 + 1.1, 0.8, 0.6));

  // Forehearth: three zones of an open channel, then the gob feeder bowl.
  const fh = { x0: tank.x1 + 2, length: 2.8 };
  for (let i = 0; i < 3; i++) {
    zoneBox(`fh.${i + 1}` as ZoneId, { x: fh.x0 + fh.length * (i + 0.5), y: 0.45, z: 0, w: fh.length * 0.97, h: 0.5, d: 1.2 });
  }
  outline({ x: fh.x0 + (fh.length * 3) / 2, y: 0.5, z: 0, w: fh.length * 3, h: 1, d: 1.6 });
  anchors.set('fh', new T.Vector3(fh.x0 + fh.length * 1.5, 1.2, 0));
  const gobX = fh.x0 + fh.length * 3 + 0.9;
  mesh(new T.CylinderGeometry(0.7, 0.45, 1.1, 20), zoneMaterial('gob'), { x: gobX, y: 0.55, z: 0 });
  anchors.set('gob', new T.Vector3(gobX, 1.4, 0));

  // Lehr: a tunnel of six zones, hot end first, on its conveyor.
  const lehr = { x0: gobX + 2.2, length: 2.2 };
  for (let i = 0; i < 6; i++) {
    zoneBox(`lehr.${i + 1}` as ZoneId, { x: lehr.x0 + lehr.length * (i + 0.5), y: 0.75, z: 0, w: lehr.length * 0.96, h: 1.1, d: 2.4 });
  }
  wall({ x: lehr.x0 + lehr.length * 3, y: 0.1, z: 0, w: lehr.length * 6 + 1.5, h: 0.2, d: 2.8 }, steel);
  outline({ x: lehr.x0 + lehr.length * 3, y: 0.75, z: 0, w: lehr.length * 6, h: 1.1, d: 2.4 });
  anchors.set('lehr', new T.Vector3(lehr.x0 + lehr.length * 3, 1.6, 1.2));

  // Defect markers where each class arises: bubbles in the fining zone, stones at the batch end
  // (unmelted batch, refractory), cracks in the annealing zones of the lehr, chips at its cold end.
  const sites: Record<DefectSite, [number, number, number]> = {
    bubble: [tank.x1 - 2.5, tank.bath + 0.4, -1],
    stone: [tank.x0 + 2, tank.bath + 0.3, 1.5],
    crack: [lehr.x0 + lehr.length * 2.5, 1.9, 0],
    chip: [lehr.x0 + lehr.length * 6 + 0.4, 1.5, 0],
  };
  for (const site of DEFECT_SITES) {
    const material = new T.MeshBasicMaterial({ color: DEFECT_COLOURS[site], transparent: true, opacity: 0, depthWrite: false });
    const m = new T.Mesh(new T.SphereGeometry(0.8, 20, 14), material);
    const [x, y, z] = sites[site];
    m.position.set(x, y, z);
    m.visible = false;
    scene.add(m);
    defectMeshes.set(site, m);
    anchors.set(site, new T.Vector3(x, y + 1.1, z));
  }

  const colour = new T.Color();
  const projected = new T.Vector3();
  let width = 1;
  let height = 1;

  function placeCamera() {
    const flat = distance * Math.cos(elevation);
    camera.position.set(target.x + flat * Math.sin(azimuth), target.y + distance * Math.sin(elevation), target.z + flat * Math.cos(azimuth));
    camera.lookAt(target);
  }

  return {
    update(state) {
      for (const [zone, material] of zoneMaterials) {
        const c = state.temps[zone];
        if (c === null || c === undefined || !Number.isFinite(c)) {
          material.color.setHex(UNKNOWN);
          material.emissive.setHex(0x000000);
        } else {
          const [r, g, b] = rampColor(c);
          material.color.setRGB(r, g, b);
          colour.setRGB(r * 0.45, g * 0.45, b * 0.45);
          material.emissive.copy(colour);
        }
      }
      for (const [site, m] of defectMeshes) {
        const i = state.defects[site];
        m.visible = i !== null && i !== undefined && i > 0.01;
        const level = Math.min(1, Math.max(0, i ?? 0));
        m.material.opacity = 0.2 + 0.6 * level;
        m.scale.setScalar(0.5 + level);
      }
    },
    orbit(dAzimuth, dElevation) {
      azimuth += dAzimuth;
      elevation = Math.min(1.45, Math.max(0.08, elevation + dElevation));
    },
    zoom(factor) {
      distance = Math.min(160, Math.max(22, distance * factor));
    },
    resize(w, h) {
      width = Math.max(1, w);
      height = Math.max(1, h);
      renderer.setSize(width, height, false);
      camera.aspect = width / height;
      camera.updateProjectionMatrix();
    },
    render() {
      placeCamera();
      renderer.render(scene, camera);
      const points: AnchorPoint[] = [];
      for (const [id, at] of anchors) {
        projected.copy(at).project(camera);
        const visible = projected.z < 1 && Math.abs(projected.x) <= 1.05 && Math.abs(projected.y) <= 1.05;
        const x = Math.min(width - LABEL_MARGIN, Math.max(LABEL_MARGIN, ((projected.x + 1) / 2) * width));
        points.push({ id, x, y: ((1 - projected.y) / 2) * height, visible });
      }
      return points;
    },
    dispose() {
      scene.traverse((o) => {
        const m = o as ThreeNs.Mesh;
        m.geometry?.dispose();
        const material = m.material as ThreeNs.Material | ThreeNs.Material[] | undefined;
        if (Array.isArray(material)) material.forEach((x) => x.dispose());
        else material?.dispose();
      });
      renderer.dispose();
      renderer.forceContextLoss();
    },
  };
}
