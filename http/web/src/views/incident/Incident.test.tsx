import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLang } from '../../i18n/i18n';
import { Incident } from '../Incident';
import { GRAPH, INCIDENT, ROOTS } from './fixtures';
import { signInAs, stubFetch } from './stubFetch';

/** A stand-in for Cytoscape: keeps the elements it was given and the classes put on them. */
const drawn = vi.hoisted(() => ({ elements: [] as { data: { id: string } }[], classes: new Map<string, Set<string>>() }));

vi.mock('cytoscape', () => {
  const item = (id: string) => ({
    id: () => id,
    addClass: (c: string) => drawn.classes.get(id)?.add(c),
  });
  const collection = (ids: string[]) => ({
    forEach: (f: (x: ReturnType<typeof item>) => void) => ids.forEach((id) => f(item(id))),
    removeClass: () => ids.forEach((id) => drawn.classes.get(id)?.clear()),
  });
  return {
    default: (options: { elements: { group: string; data: { id: string } }[] }) => {
      drawn.elements = options.elements;
      drawn.classes = new Map(options.elements.map((e) => [e.data.id, new Set<string>()]));
      const ids = (group: string) => options.elements.filter((e) => e.group === group).map((e) => e.data.id);
      return {
        on: () => undefined,
        zoom: () => 1,
        batch: (f: () => void) => f(),
        elements: () => collection(options.elements.map((e) => e.data.id)),
        nodes: () => collection(ids('nodes')),
        edges: () => collection(ids('edges')),
        destroy: () => undefined,
      };
    },
  };
});

const ROUTES = {
  'GET /api/incidents/F2-bubble-3': { json: INCIDENT },
  'GET /api/incidents/F2-bubble-3/root-causes': { json: ROOTS },
  'GET /api/knowledge-graph?furnace=F2&depth=6': { json: GRAPH },
};

const lit = (id: string) => drawn.classes.get(id)?.has('on') ?? false;

describe('incident page', () => {
  beforeEach(() => {
    setLang('en');
    signInAs('operator');
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('ranks the causes by score, shows the best one first with its evidence, twin fit and magnitude', async () => {
    stubFetch(ROUTES);
    render(<Incident id="F2-bubble-3" />);
    const list = await screen.findByRole('list', { name: /Ranked causes/ });
    const buttons = within(list).getAllByRole('button');
    expect(buttons.map((b) => b.querySelector('.cause-name')?.textContent)).toEqual(['Burner degradation', 'Batch moisture']);
    expect(buttons[0].textContent).toContain('64%');
    expect(buttons[0].getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByText('F2.flue.CO rose 180 ppm from 13:40')).toBeTruthy();
    expect(screen.getByText('Twin fit').parentElement?.textContent).toContain('82%');
    expect(screen.getByText('Fitted magnitude').parentElement?.textContent).toContain('0.350');
    expect(await screen.findByText('Fining temperature', { selector: '.path-node' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'F2-bubble-1' }).getAttribute('href')).toBe('/incidents/F2-bubble-1');
  });

  it('draws the graph and highlights the selected cause’s path; another cause moves the highlight', async () => {
    stubFetch(ROUTES);
    render(<Incident id="F2-bubble-3" />);
    expect(await screen.findByTestId('cause-graph')).toBeTruthy();
    await waitFor(() => expect(lit('burner-degradation')).toBe(true));
    expect(lit('INFLUENCES:burner-degradation->fining-temperature')).toBe(true);
    expect(lit('blister')).toBe(true);
    expect(lit('batch-moisture')).toBe(false);
    expect(drawn.elements.some((e) => e.data.id === 'F2.crown')).toBe(false);

    const second = screen.getByRole('button', { name: /Batch moisture/ });
    fireEvent.keyDown(screen.getByRole('button', { name: /Burner degradation/ }), { key: 'ArrowDown' });
    await waitFor(() => expect(second.getAttribute('aria-pressed')).toBe('true'));
    await waitFor(() => expect(lit('batch-moisture')).toBe(true));
    expect(lit('CAUSES:batch-melting->blister')).toBe(true);
    expect(lit('burner-degradation')).toBe(false);
    expect(screen.getByText('Twin fit').parentElement?.textContent).toContain('not checked');
  });

  it('confirms a cause with the right body and shows the node’s answer', async () => {
    const calls = stubFetch({
      ...ROUTES,
      'POST /api/incidents/F2-bubble-3/feedback': { json: { status: 'accepted', detail: 'feedback recorded; 3 edges updated' } },
    });
    render(<Incident id="F2-bubble-3" />);
    fireEvent.input(await screen.findByLabelText('Comment (optional)'), { target: { value: 'burner 3 was sooted' } });
    fireEvent.click(screen.getByRole('button', { name: /Confirm cause/ }));
    expect(await screen.findByText('Confirmed: feedback recorded; 3 edges updated')).toBeTruthy();
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.url).toBe('/api/incidents/F2-bubble-3/feedback');
    expect(post?.body).toEqual({ cause: 'burner-degradation', confirmed: true, comment: 'burner 3 was sooted' });
  });

  it('shows the problem when a rejection is refused', async () => {
    stubFetch({
      ...ROUTES,
      'POST /api/incidents/F2-bubble-3/feedback': {
        status: 409,
        json: { title: 'Incident closed', status: 409, code: 'incident-closed', detail: 'F2-bubble-3 is closed' },
      },
    });
    render(<Incident id="F2-bubble-3" />);
    fireEvent.click(await screen.findByRole('button', { name: /Reject cause/ }));
    expect(await screen.findByText('F2-bubble-3 is closed')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Incident closed');
  });

  it('keeps the feedback buttons off for a viewer, and speaks Russian', async () => {
    signInAs('viewer');
    setLang('ru');
    stubFetch(ROUTES);
    render(<Incident id="F2-bubble-3" />);
    const confirm = await screen.findByRole('button', { name: /Подтвердить причину/ });
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Подтверждать и отклонять причины может только оператор.')).toBeTruthy();
    expect(screen.getByRole('button', { name: /Деградация горелок/ })).toBeTruthy();
    expect(screen.getByText('Похожие прошлые инциденты')).toBeTruthy();
  });

  it('says when there is no analysis yet', async () => {
    stubFetch({ ...ROUTES, 'GET /api/incidents/F2-bubble-3/root-causes': { json: { ...ROOTS, causes: [], similar: [] } } });
    render(<Incident id="F2-bubble-3" />);
    expect(await screen.findByText('Not analysed yet')).toBeTruthy();
  });
});
