import { describe, expect, it } from 'vitest';
import { levelOf } from '../ui/common';
import { parseTagMap } from './plant';

describe('plant', () => {
  it('reads furnaces, tags and limits from the tag map', () => {
    const p = parseTagMap(
      'tag,furnace,unit,min,max,alarmLow,alarmHigh,source,address\n' +
        'F2.crown.T1,F2,degC,0,1800,,1650,mqtt,x\n' +
        'F1.glass.level,F1,mm,0,100,40,60,opcua,ns=2;s=F1.glass.level\n',
    );
    expect(p.furnaces).toEqual(['F1', 'F2']);
    expect(p.tags[0]).toMatchObject({ tag: 'F2.crown.T1', unit: 'degC', alarmLow: null, alarmHigh: 1650 });
    expect(p.tags[1]).toMatchObject({ alarmLow: 40, alarmHigh: 60, source: 'opcua' });
  });

  it('colours a value against its limits', () => {
    expect(levelOf(50, 40, 60)).toBe('ok');
    expect(levelOf(59.5, 40, 60)).toBe('warn');
    expect(levelOf(61, 40, 60)).toBe('alarm');
    expect(levelOf(1700, null, 1650)).toBe('alarm');
    expect(levelOf(null, 0, 1)).toBe('none');
  });
});
