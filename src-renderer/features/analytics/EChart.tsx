/**
 * A thin React wrapper over ECharts (no chart drawn by hand). Only the pieces used are bundled
 * (echarts/core), and the SVG renderer draws, so a printed chart stays sharp and nothing needs
 * `unsafe-eval` or a remote source (the renderer's CSP holds). Loaded lazily with the charts.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface EChartSeries {
  name: string;
  values: number[];
}

export interface EChartProps {
  kind: 'bar' | 'line';
  categories: string[];
  series: EChartSeries[];
  /** Values are rates in [0, 1], shown as percentages. */
  percent?: boolean;
  height?: number;
  testId?: string;
}

export default function EChart({ kind, categories, series, percent = false, height = 260, testId }: EChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      {
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 48, right: 16, top: 36, bottom: 32 },
        xAxis: { type: 'category', data: categories },
        // No key set to undefined: ECharts takes an explicit undefined as "hide the labels".
        yAxis: percent ? { type: 'value', max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } } : { type: 'value', minInterval: 1 },
        series: series.map((s) => ({ name: s.name, type: kind, data: s.values })),
      },
      true,
    );
  }, [kind, categories, series, percent]);

  return <div ref={element} style={{ width: '100%', height }} data-testid={testId} className="echart" />;
}
