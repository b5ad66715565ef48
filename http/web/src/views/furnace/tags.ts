import type { TagInfo } from '../../api/plant';

/** The area of a tag: its second segment (F1.crown.T1 → crown). */
export const areaOf = (tag: string) => tag.split('.')[1] ?? '';

/** A tag without its furnace (F1.crown.T1 → crown.T1). */
export const shortTag = (tag: string) => tag.split('.').slice(1).join('.');

/** The unit and limits of a setpoint, from its `<F>.setpoint.<parameter>` tag. */
export function setpointTag(furnace: string, parameter: string, tags: TagInfo[]): TagInfo | undefined {
  return tags.find((tag) => tag.tag === `${furnace}.setpoint.${parameter}`);
}
