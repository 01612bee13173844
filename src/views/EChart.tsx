import { useCallback, useEffect, useRef } from 'react';
import { type ECOption, echarts } from '../charts/echarts';

/** A click on a chart element: the name (category or node) and the data row behind it. */
export interface ChartClick {
  name: string;
  data: unknown;
  seriesName?: string;
}

/** The one component that owns an ECharts instance: init, setOption, resize, dispose. */
export function EChart({
  option,
  label,
  height = 360,
  onClick,
  testId,
  exportLabel,
}: {
  option: ECOption;
  /** Accessible name of the chart (its title). */
  label: string;
  height?: number;
  onClick?: (e: ChartClick) => void;
  testId?: string;
  /** Label of the "save as PNG" button; no button when absent. */
  exportLabel?: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  /** The JSON of the option last drawn (see below). */
  const drawn = useRef<string | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, null, { renderer: 'canvas' });
    chart.current = c;
    drawn.current = null;
    c.on('click', (p) => {
      click.current?.({ name: String(p.name ?? ''), data: p.data, seriesName: p.seriesName });
    });
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  // Views rebuild options on every render (each query answering re-renders the page); redrawing an
  // unchanged chart would clear it and replay its animation. The JSON of an option holds its data and
  // labels (functions drop out; they only format what the data says), so equal JSON is an equal chart.
  const latest = useRef(option);
  latest.current = option;
  const draw = useCallback(() => {
    const signature = JSON.stringify(latest.current);
    if (!chart.current || signature === drawn.current) return;
    // The first drawing animates; updates (a filter, new data) redraw at once, without spending
    // frames on animations while the rest of the page is updating too.
    chart.current.setOption(drawn.current === null ? latest.current : { ...latest.current, animation: false }, {
      notMerge: true,
    });
    drawn.current = signature;
  }, []);

  // A chart out of view is drawn once, then brought up to date when it scrolls into view (or the
  // page is printed): a filter click redraws only what can be seen.
  const inView = useRef(true);
  useEffect(() => {
    if (!el.current || typeof IntersectionObserver !== 'function') return;
    const io = new IntersectionObserver((entries) => {
      inView.current = entries.some((e) => e.isIntersecting);
      if (inView.current) draw();
    });
    io.observe(el.current);
    window.addEventListener('beforeprint', draw);
    return () => {
      io.disconnect();
      window.removeEventListener('beforeprint', draw);
    };
  }, [draw]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: option is read through `latest`; a new option is the reason to draw.
  useEffect(() => {
    if (inView.current || drawn.current === null) draw();
  }, [option, draw]);

  const savePng = () => {
    draw();
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    if (!url) return;
    const a = document.createElement('a');
    a.href = url;
    a.download = `${label}.png`;
    a.click();
  };

  return (
    <div className="echart-box">
      <div ref={el} className="echart" role="img" aria-label={label} data-testid={testId} style={{ height }} />
      {exportLabel && (
        <button
          type="button"
          className="echart-export no-print"
          onClick={savePng}
          aria-label={`${exportLabel}：${label}`}
        >
          {exportLabel}
        </button>
      )}
    </div>
  );
}
