/** Questions the parser understands, in both languages, offered as one-click examples. */
export const EXAMPLES: readonly { q: string; lang: 'ru' | 'en' }[] = [
  { q: 'Почему выросли пузыри на печи 2 после 14:00?', lang: 'ru' },
  { q: 'Why did bubbles rise on furnace 2 in the last hour?', lang: 'en' },
  { q: 'Какие инциденты были на печи 1 за последние 3 часа?', lang: 'ru' },
  { q: 'What happened on furnace 3 today?', lang: 'en' },
  { q: 'Что с трещинами на печи 1?', lang: 'ru' },
  { q: 'How are stones on F2?', lang: 'en' },
];
