import { messages } from '../../i18n/i18n';

/** Names of the plant's things shared by the furnace and overview views, in both languages. */
const t = messages(
  {
    'class.crack': 'Cracks',
    'class.bubble': 'Bubbles',
    'class.stone': 'Stones',
    'class.chip': 'Chips',
    'param.crownTemperature': 'Crown temperature',
    'param.excessO2': 'Excess O₂',
    'param.electricBoost': 'Electric boost',
    'param.pullRate': 'Pull rate',
    'param.culletFraction': 'Cullet fraction',
    'param.gobTemperature': 'Gob temperature',
    'param.lehrCoolingRate': 'Lehr cooling rate',
    'mode.advisory': 'Advisory',
    'mode.supervised': 'Supervised',
    'mode.autonomous': 'Autonomous',
    'origin.operator': 'operator',
    'origin.integrator': 'integrator',
    'origin.policy': 'optimizer',
    'write.pending': 'writing',
    'write.written': 'written',
    'write.failed': 'write failed',
    'area.crown': 'Crown',
    'area.bottom': 'Bottom',
    'area.throat': 'Throat',
    'area.regen': 'Regenerators',
    'area.flue': 'Flue',
    'area.gas': 'Gas',
    'area.air': 'Combustion air',
    'area.glass': 'Glass level',
    'area.boost': 'Electric boost',
    'area.batch': 'Batch',
    'area.cullet': 'Cullet',
    'area.pull': 'Pull',
    'area.fh': 'Forehearth',
    'area.gob': 'Gob',
    'area.lehr': 'Lehr',
    'area.insp': 'Inspection',
    'area.setpoint': 'Setpoints',
    'area.reject': 'Rejects',
    perThousand: 'per 1000',
  },
  {
    'class.crack': 'Трещины',
    'class.bubble': 'Пузыри',
    'class.stone': 'Камни',
    'class.chip': 'Сколы',
    'param.crownTemperature': 'Температура свода',
    'param.excessO2': 'Избыток O₂',
    'param.electricBoost': 'Электроподогрев',
    'param.pullRate': 'Съём стекломассы',
    'param.culletFraction': 'Доля стеклобоя',
    'param.gobTemperature': 'Температура капли',
    'param.lehrCoolingRate': 'Скорость охлаждения в лере',
    'mode.advisory': 'Советующий',
    'mode.supervised': 'Под надзором',
    'mode.autonomous': 'Автономный',
    'origin.operator': 'оператор',
    'origin.integrator': 'интегратор',
    'origin.policy': 'оптимизатор',
    'write.pending': 'запись',
    'write.written': 'записано',
    'write.failed': 'ошибка записи',
    'area.crown': 'Свод',
    'area.bottom': 'Дно',
    'area.throat': 'Протока',
    'area.regen': 'Регенераторы',
    'area.flue': 'Дымовой тракт',
    'area.gas': 'Газ',
    'area.air': 'Воздух горения',
    'area.glass': 'Уровень стекла',
    'area.boost': 'Электроподогрев',
    'area.batch': 'Шихта',
    'area.cullet': 'Стеклобой',
    'area.pull': 'Съём',
    'area.fh': 'Питатель',
    'area.gob': 'Капля',
    'area.lehr': 'Лер',
    'area.insp': 'Контроль',
    'area.setpoint': 'Уставки',
    'area.reject': 'Брак',
    perThousand: 'на 1000',
  },
);

type Key = Parameters<typeof t>[0];

function named(prefix: string, id: string): string {
  const key = `${prefix}.${id}` as Key;
  const text = t(key);
  return text === key ? id : text;
}

/** A reject class (crack, bubble, …) by name. */
export const className = (c: string) => named('class', c);
/** A setpoint parameter (crownTemperature, …) by name. */
export const paramName = (p: string) => named('param', p);
/** An autonomy mode by name. */
export const modeName = (m: string) => named('mode', m.toLowerCase());
/** Who changed a setpoint: operator, integrator or the optimizer (policy). */
export const originName = (o: string) => named('origin', o);
/** A write-to-plant status. */
export const writeName = (s: string) => named('write', s);
/** A furnace area, the second segment of a tag (crown, gob, …). */
export const areaName = (a: string) => named('area', a);
/** The unit of reject rates and forecasts: rejects per 1000 inspected items. */
export const perThousand = () => t('perThousand');
